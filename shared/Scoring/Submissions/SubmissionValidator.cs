using CulturalServerless.Scoring.Rubrics;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring.Submissions;

/// <summary>
/// Checks a submission against its rubric and reports every problem at once, each with the JSON
/// path of the offending field. Expects NFC text (<see cref="SubmissionText.ToNfc"/>): lengths are
/// counted after normalisation so the same words always count the same.
/// </summary>
public static class SubmissionValidator
{
    public static ValidationResult Validate(Rubric rubric, AssessmentSubmission submission)
    {
        var problems = new ValidationProblemList();
        CheckRubricAndYear(rubric, submission, problems);
        CheckStaff(rubric, submission.Staff, problems);
        CheckText(submission.GeneralSituation, rubric.TextLimits.GeneralSituation, "$.generalSituation", required: true, problems);
        CheckSubCriteria(rubric, submission, problems);
        CheckTextList(submission.Remarks, rubric.TextLimits.Remark, rubric.TextLimits.MaxRemarks, null, "remarks", problems);
        CheckText(submission.Recommendations, rubric.TextLimits.Recommendations, "$.recommendations", required: false, problems);
        CheckTextList(submission.Recipients, rubric.TextLimits.Recipient, rubric.TextLimits.MaxRecipients, null, "recipients", problems);
        CheckSelfTotal(rubric, submission, problems);
        return problems.ToResult();
    }

    private static void CheckRubricAndYear(Rubric rubric, AssessmentSubmission submission, ValidationProblemList problems)
    {
        if (submission.RubricId is { } rubricId && !string.Equals(rubricId, rubric.Id, StringComparison.Ordinal))
        {
            problems.Add("$.rubricId", "submission.rubric-mismatch",
                $"Bộ tiêu chí '{rubricId}' khác bộ tiêu chí dùng để chấm '{rubric.Id}'.",
                $"Rubric '{rubricId}' differs from the rubric used for scoring, '{rubric.Id}'.");
        }
        if (!rubric.AppliesTo(submission.Year))
        {
            problems.Add("$.year", "submission.year-not-covered",
                $"Bộ tiêu chí '{rubric.Id}' không áp dụng cho năm {submission.Year}.",
                $"Rubric '{rubric.Id}' does not apply to the year {submission.Year}.");
        }
    }

    private static void CheckStaff(Rubric rubric, StaffCounts? staff, ValidationProblemList problems)
    {
        if (staff is null)
        {
            problems.Add("$.staff", "submission.required",
                "Thiếu số lượng cán bộ, công chức, viên chức và người lao động.",
                "The staff counts are missing.");
            return;
        }
        if (staff.Total is null)
        {
            problems.Add("$.staff.total", "submission.required", "Thiếu tổng số cán bộ, công chức, viên chức và người lao động.", "The staff total is missing.");
        }
        else if (staff.Total < 0)
        {
            problems.Add("$.staff.total", "submission.out-of-range", "Tổng số người không được âm.", "The staff total must not be negative.");
        }
        // Walk the rubric's categories (indexing allocates nothing); the submission's own keys are
        // only enumerated when some of them are not the rubric's.
        var sum = 0L;
        var known = 0;
        for (var i = 0; i < rubric.StaffCategories.Count; i++)
        {
            var category = rubric.StaffCategories[i];
            if (!staff.Categories.TryGetValue(category.Id, out var count))
            {
                problems.Add(JsonPath.Property("$.staff.categories", category.Id), "submission.required",
                    $"Thiếu số {category.Title} (ghi 0 nếu không có).",
                    $"The count of '{category.Id}' is missing (write 0 if there are none).");
                continue;
            }
            known++;
            sum += count;
            if (count < 0)
            {
                problems.Add(JsonPath.Property("$.staff.categories", category.Id), "submission.out-of-range",
                    "Số người không được âm.", "A head count must not be negative.");
            }
        }
        if (known != staff.Categories.Count)
        {
            foreach (var (id, count) in staff.Categories)
            {
                if (!rubric.StaffCategories.Any(c => c.Id == id))
                {
                    problems.Add(JsonPath.Property("$.staff.categories", id), "submission.staff-category-unknown",
                        $"Nhóm '{id}' không có trong bộ tiêu chí.",
                        $"Staff category '{id}' is not defined by the rubric.");
                    sum += count;
                }
            }
        }
        if (staff.Total is { } total && staff.Categories.Count > 0 && sum != total)
        {
            problems.Add("$.staff.categories", "submission.staff-sum-mismatch",
                $"Tổng các nhóm ({string.Join(" + ", staff.Categories.Values)} = {sum}) khác tổng số người ({total}).",
                $"The categories add up to {sum}, not to the staff total {total}.");
        }
    }

    private static void CheckSubCriteria(Rubric rubric, AssessmentSubmission submission, ValidationProblemList problems)
    {
        var known = 0;
        for (var c = 0; c < rubric.Criteria.Count; c++)
        {
            var items = rubric.Criteria[c].Items;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (submission.Criteria.TryGetValue(item.Code, out var report))
                {
                    known++;
                    CheckSubCriterion(rubric, item, report, problems);
                }
                else
                {
                    problems.Add(JsonPath.SubCriterion(item.Code), "submission.sub-criterion-missing",
                        $"Thiếu báo cáo tiểu mục {item.Code} \"{item.Title}\".",
                        $"Sub-criterion {item.Code} is missing.");
                }
            }
        }
        if (known == submission.Criteria.Count)
        {
            return;
        }
        foreach (var code in submission.Criteria.Keys)
        {
            if (rubric.FindItem(code) is null)
            {
                problems.Add(JsonPath.SubCriterion(code), "submission.sub-criterion-unknown",
                    $"Bộ tiêu chí '{rubric.Id}' không có tiểu mục '{code}'.",
                    $"Rubric '{rubric.Id}' has no sub-criterion '{code}'.");
            }
        }
    }

    private static void CheckSubCriterion(Rubric rubric, RubricItem item, SubCriterionReport report, ValidationProblemList problems)
    {
        var reported = 0;
        for (var i = 0; i < item.Indicators.Count; i++)
        {
            reported += IndicatorChecks.Check(item, item.Indicators[i], report, problems) ? 1 : 0;
        }
        if (reported != report.Indicators.Count)
        {
            foreach (var id in report.Indicators.Keys)
            {
                if (item.FindIndicator(id) is null)
                {
                    problems.Add(JsonPath.Indicator(item.Code, id), "submission.indicator-unknown",
                        $"Tiểu mục {item.Code} không có chỉ số '{id}'.",
                        $"Sub-criterion {item.Code} has no indicator '{id}'.");
                }
            }
        }
        var narrative = TextProblemOf(report.Narrative, rubric.TextLimits.Narrative, required: false);
        if (narrative != TextProblem.None)
        {
            AddTextProblem(narrative, report.Narrative, rubric.TextLimits.Narrative, $"{JsonPath.SubCriterion(item.Code)}.narrative", problems);
        }
        CheckTextList(report.Evidence, rubric.TextLimits.Evidence, rubric.TextLimits.MaxEvidence, item.Code, "evidence", problems);
        if (report.SelfScore is { } self && (self < 0m || self > item.MaxPoints))
        {
            problems.Add($"{JsonPath.SubCriterion(item.Code)}.selfScore", "submission.self-score-range",
                $"Điểm tự chấm {VietnameseNumbers.Format(self)} ngoài khoảng 0–{VietnameseNumbers.Format(item.MaxPoints)} của tiểu mục {item.Code}.",
                $"Self-score {self} is outside 0–{item.MaxPoints} for sub-criterion {item.Code}.");
        }
    }

    private static void CheckSelfTotal(Rubric rubric, AssessmentSubmission submission, ValidationProblemList problems)
    {
        if (submission.SelfTotal is not { } selfTotal)
        {
            return;
        }
        var highest = rubric.HighestTotal;
        if (selfTotal < 0m || selfTotal > highest)
        {
            problems.Add("$.selfTotal", "submission.self-total-range",
                $"Tổng điểm tự chấm {VietnameseNumbers.Format(selfTotal)} ngoài khoảng 0–{VietnameseNumbers.Format(highest)}.",
                $"Self total {selfTotal} is outside 0–{highest}.");
            return;
        }
        // Only comparable when every item carries a self-score; the seed gives the total alone.
        // Added up as the engine does: penalties take a criterion to zero, not below.
        var sum = 0m;
        for (var c = 0; c < rubric.Criteria.Count; c++)
        {
            var items = rubric.Criteria[c].Items;
            var subtotal = 0m;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (!submission.Criteria.TryGetValue(item.Code, out var report) || report.SelfScore is not { } self)
                {
                    return;
                }
                subtotal += item.Kind == ItemKind.Penalty ? -self : self;
            }
            sum += Math.Max(0m, subtotal);
        }
        if (sum != selfTotal)
        {
            problems.Add("$.selfTotal", "submission.self-total-mismatch",
                $"Tổng điểm tự chấm {VietnameseNumbers.Format(selfTotal)} khác tổng điểm tự chấm các tiểu mục {VietnameseNumbers.Format(sum)}.",
                $"Self total {selfTotal} differs from the sum of the sub-criteria self-scores, {sum}.");
        }
    }

    private static void CheckText(string? text, int maxLength, string path, bool required, ValidationProblemList problems)
    {
        var problem = TextProblemOf(text, maxLength, required);
        if (problem != TextProblem.None)
        {
            AddTextProblem(problem, text, maxLength, path, problems);
        }
    }

    /// <summary>
    /// The check without its path, so the paths of the many texts that pass are never built:
    /// a valid submission then costs no string allocation here.
    /// </summary>
    internal static TextProblem TextProblemOf(string? text, int maxLength, bool required) =>
        string.IsNullOrWhiteSpace(text) ? (required ? TextProblem.Missing : TextProblem.None)
        : text.Length > maxLength ? TextProblem.TooLong
        : TextProblem.None;

    internal static void AddTextProblem(TextProblem problem, string? text, int maxLength, string path, ValidationProblemList problems)
    {
        if (problem == TextProblem.Missing)
        {
            problems.Add(path, "submission.required", "Thiếu nội dung bắt buộc.", "This text is required.");
            return;
        }
        problems.Add(path, "submission.text-too-long",
            $"Nội dung dài {text!.Length} ký tự, vượt giới hạn {maxLength} ký tự.",
            $"The text is {text.Length} characters long, over the limit of {maxLength}.");
    }

    /// <summary>A list of texts at the root (<paramref name="code"/> null) or in a sub-criterion; its path is built only for a problem.</summary>
    private static void CheckTextList(IReadOnlyList<string> texts, int maxLength, int maxCount, string? code, string property, ValidationProblemList problems)
    {
        string Path() => code is null ? $"$.{property}" : $"{JsonPath.SubCriterion(code)}.{property}";
        if (texts.Count > maxCount)
        {
            problems.Add(Path(), "submission.too-many",
                $"Có {texts.Count} mục, vượt giới hạn {maxCount} mục.",
                $"There are {texts.Count} entries, over the limit of {maxCount}.");
        }
        for (var i = 0; i < texts.Count; i++)
        {
            var problem = TextProblemOf(texts[i], maxLength, required: true);
            if (problem != TextProblem.None)
            {
                AddTextProblem(problem, texts[i], maxLength, JsonPath.Index(Path(), i), problems);
            }
        }
    }
}
