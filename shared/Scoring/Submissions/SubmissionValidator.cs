using System.Text;
using CulturalServerless.Scoring.Rubrics;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring.Submissions;

/// <summary>
/// Checks a submission against its rubric and reports every problem at once, each with the JSON
/// path of the offending field. Takes the submission as read from JSON: any object, list or text
/// may be null there, and each null is a problem, never an exception. Text lengths count the
/// characters of the text's NFC form, so the same words always count the same.
/// </summary>
public static class SubmissionValidator
{
    public static ValidationResult Validate(Rubric rubric, AssessmentSubmission submission)
    {
        var problems = new ValidationProblemList();
        var limits = rubric.TextLimits;
        CheckRubricAndYear(rubric, submission, problems);
        CheckStaff(rubric, submission.Staff, problems);
        CheckText(submission.GeneralSituation, limits.GeneralSituation, "$.generalSituation", required: true, problems);
        CheckSubCriteria(rubric, submission.Criteria, problems);
        CheckTextList(submission.Remarks, limits.Remark, limits.MaxRemarks, null, "remarks", problems);
        CheckText(submission.Recommendations, limits.Recommendations, "$.recommendations", required: false, problems);
        CheckTextList(submission.Recipients, limits.Recipient, limits.MaxRecipients, null, "recipients", problems);
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
        if (staff.Categories is null)
        {
            NullObject("$.staff.categories", problems);
            return;
        }
        foreach (var category in rubric.StaffCategories)
        {
            if (!staff.Categories.TryGetValue(category.Id, out var count))
            {
                problems.Add(JsonPath.Property("$.staff.categories", category.Id), "submission.required",
                    $"Thiếu số {category.Title} (ghi 0 nếu không có).",
                    $"The count of '{category.Id}' is missing (write 0 if there are none).");
            }
            else if (count < 0)
            {
                problems.Add(JsonPath.Property("$.staff.categories", category.Id), "submission.out-of-range",
                    "Số người không được âm.", "A head count must not be negative.");
            }
        }
        foreach (var id in staff.Categories.Keys)
        {
            if (!rubric.StaffCategories.Any(c => c.Id == id))
            {
                problems.Add(JsonPath.Property("$.staff.categories", id), "submission.staff-category-unknown",
                    $"Nhóm '{id}' không có trong bộ tiêu chí.",
                    $"Staff category '{id}' is not defined by the rubric.");
            }
        }
        var sum = staff.Categories.Values.Sum(count => (long)count);
        if (staff.Total is { } total && staff.Categories.Count > 0 && sum != total)
        {
            problems.Add("$.staff.categories", "submission.staff-sum-mismatch",
                $"Tổng các nhóm ({string.Join(" + ", staff.Categories.Values)} = {sum}) khác tổng số người ({total}).",
                $"The categories add up to {sum}, not to the staff total {total}.");
        }
    }

    private static void CheckSubCriteria(Rubric rubric, IReadOnlyDictionary<string, SubCriterionReport>? criteria, ValidationProblemList problems)
    {
        if (criteria is null)
        {
            NullObject("$.criteria", problems);
            return;
        }
        foreach (var item in rubric.Criteria.SelectMany(criterion => criterion.Items))
        {
            if (!criteria.TryGetValue(item.Code, out var report))
            {
                problems.Add(JsonPath.SubCriterion(item.Code), "submission.sub-criterion-missing",
                    $"Thiếu báo cáo tiểu mục {item.Code} \"{item.Title}\".",
                    $"Sub-criterion {item.Code} is missing.");
            }
            else if (report is null)
            {
                NullObject(JsonPath.SubCriterion(item.Code), problems);
            }
            else
            {
                CheckSubCriterion(rubric, item, report, problems);
            }
        }
        foreach (var code in criteria.Keys)
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
        if (report.Indicators is null)
        {
            NullObject($"{JsonPath.SubCriterion(item.Code)}.indicators", problems);
        }
        else
        {
            foreach (var indicator in item.Indicators)
            {
                IndicatorChecks.Check(item, indicator, report, problems);
            }
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
        if (TextProblem(report.Narrative, rubric.TextLimits.Narrative, required: false) is { } narrative)
        {
            problems.Add($"{JsonPath.SubCriterion(item.Code)}.narrative", narrative.Code, narrative.Message, narrative.MessageEn);
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
        foreach (var criterion in rubric.Criteria)
        {
            var subtotal = 0m;
            foreach (var item in criterion.Items)
            {
                if (submission.Criteria?.GetValueOrDefault(item.Code)?.SelfScore is not { } self)
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
        if (TextProblem(text, maxLength, required) is { } problem)
        {
            problems.Add(path, problem.Code, problem.Message, problem.MessageEn);
        }
    }

    /// <summary>
    /// What is wrong with a text, or null; the caller adds it at the text's path. Paths are built
    /// only for texts with a problem: a submission carries dozens of texts, and a path for each
    /// would be about a third of what scoring a valid submission allocates.
    /// </summary>
    internal static (string Code, string Message, string MessageEn)? TextProblem(string? text, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? ("submission.required", "Thiếu nội dung bắt buộc.", "This text is required.") : null;
        }
        var length = text.IsNormalized(NormalizationForm.FormC) ? text.Length : text.Normalize(NormalizationForm.FormC).Length;
        return length > maxLength
            ? ("submission.text-too-long",
                $"Nội dung dài {length} ký tự, vượt giới hạn {maxLength} ký tự.",
                $"The text is {length} characters long, over the limit of {maxLength}.")
            : null;
    }

    /// <summary>
    /// A list of texts at the root (<paramref name="code"/> null) or in a sub-criterion; a null list,
    /// or a null or blank entry, is a problem at its own path.
    /// </summary>
    private static void CheckTextList(
        IReadOnlyList<string?>? texts, int maxLength, int maxCount, string? code, string property, ValidationProblemList problems)
    {
        string Path() => code is null ? $"$.{property}" : $"{JsonPath.SubCriterion(code)}.{property}";
        if (texts is null)
        {
            problems.Add(Path(), NullCode,
                "Không được để null: cần một danh sách (ghi [] nếu không có mục nào).",
                "null is not allowed here: a list is expected (write [] for none).");
            return;
        }
        if (texts.Count > maxCount)
        {
            problems.Add(Path(), "submission.too-many",
                $"Có {texts.Count} mục, vượt giới hạn {maxCount} mục.",
                $"There are {texts.Count} entries, over the limit of {maxCount}.");
        }
        for (var i = 0; i < texts.Count; i++)
        {
            if (TextProblem(texts[i], maxLength, required: true) is { } problem)
            {
                problems.Add(JsonPath.Index(Path(), i), problem.Code, problem.Message, problem.MessageEn);
            }
        }
    }

    private const string NullCode = "submission.null";

    private static void NullObject(string path, ValidationProblemList problems) =>
        problems.Add(path, NullCode,
            "Không được để null: cần một đối tượng JSON ({…}).",
            "null is not allowed here: a JSON object ({…}) is expected.");
}
