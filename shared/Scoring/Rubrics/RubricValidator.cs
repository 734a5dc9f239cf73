using System.Text.RegularExpressions;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring.Rubrics;

/// <summary>
/// Checks a rubric document before it is used: codes unique, sub-item points adding up to their
/// criterion and criteria to the total, rules reading defined indicators, ranges and bars sane.
/// Every problem is reported, with its JSON path in the rubric document.
/// </summary>
public static partial class RubricValidator
{
    public static ValidationResult Validate(Rubric rubric)
    {
        var problems = new ValidationProblemList();
        CheckHeader(rubric, problems);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var criteriaSum = 0m;
        for (var c = 0; c < rubric.Criteria.Count; c++)
        {
            var criterion = rubric.Criteria[c];
            var path = $"$.criteria[{c}]";
            CheckCode(criterion.Code, $"{path}.code", codes, problems);
            Required(criterion.Title, $"{path}.title", problems);
            Positive(criterion.MaxPoints, $"{path}.maxPoints", problems);
            criteriaSum += criterion.MaxPoints;
            var itemsSum = 0m;
            for (var i = 0; i < criterion.Items.Count; i++)
            {
                var item = criterion.Items[i];
                ItemChecks.Check(criterion, item, $"{path}.items[{i}]", codes, problems);
                if (item.Kind == ItemKind.Standard)
                {
                    itemsSum += item.MaxPoints;
                }
            }
            if (criterion.Items.Count == 0)
            {
                problems.Add($"{path}.items", "rubric.no-items", $"Tiêu chí {criterion.Code} không có tiểu mục nào.", $"Criterion {criterion.Code} has no sub-criteria.");
            }
            else if (itemsSum != criterion.MaxPoints)
            {
                problems.Add($"{path}.maxPoints", "rubric.items-sum",
                    $"Điểm các tiểu mục của tiêu chí {criterion.Code} cộng lại {VietnameseNumbers.Format(itemsSum)}, khác điểm tối đa {VietnameseNumbers.Format(criterion.MaxPoints)}.",
                    $"The sub-criteria of criterion {criterion.Code} add up to {itemsSum}, not to its maximum {criterion.MaxPoints}.");
            }
        }
        if (rubric.Criteria.Count == 0)
        {
            problems.Add("$.criteria", "rubric.no-criteria", "Bộ tiêu chí không có tiêu chí nào.", "The rubric has no criteria.");
        }
        else if (criteriaSum != rubric.TotalPoints)
        {
            problems.Add("$.totalPoints", "rubric.criteria-sum",
                $"Điểm các tiêu chí cộng lại {VietnameseNumbers.Format(criteriaSum)}, khác tổng điểm {VietnameseNumbers.Format(rubric.TotalPoints)}.",
                $"The criteria add up to {criteriaSum}, not to the total {rubric.TotalPoints}.");
        }
        return problems.ToResult();
    }

    private static void CheckHeader(Rubric rubric, ValidationProblemList problems)
    {
        if (!IdPattern().IsMatch(rubric.Id))
        {
            problems.Add("$.id", "rubric.id", "Mã bộ tiêu chí chỉ gồm chữ thường, chữ số và dấu gạch ngang.",
                "A rubric id is lower-case letters, digits and hyphens.");
        }
        Required(rubric.Title, "$.title", problems);
        if (rubric.Version < 1)
        {
            problems.Add("$.version", "rubric.range", "Phiên bản phải từ 1 trở lên.", "The version must be 1 or more.");
        }
        if (rubric.Years.Count == 0)
        {
            problems.Add("$.years", "rubric.no-years", "Bộ tiêu chí phải nêu năm áp dụng.", "The rubric must name the years it applies to.");
        }
        for (var y = 0; y < rubric.Years.Count; y++)
        {
            if (rubric.Years[y] is < 2000 or > 2100)
            {
                problems.Add($"$.years[{y}]", "rubric.range", $"Năm {rubric.Years[y]} không hợp lệ.", $"Year {rubric.Years[y]} is not plausible.");
            }
        }
        for (var j = 0; j < rubric.Jurisdictions.Count; j++)
        {
            Required(rubric.Jurisdictions[j], $"$.jurisdictions[{j}]", problems);
        }
        Positive(rubric.TotalPoints, "$.totalPoints", problems);
        if (rubric.PassThreshold <= 0m || rubric.PassThreshold > rubric.TotalPoints)
        {
            problems.Add("$.passThreshold", "rubric.range",
                "Mức đạt phải lớn hơn 0 và không vượt tổng điểm.",
                "The pass threshold must be above 0 and not above the total.");
        }
        var categoryIds = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < rubric.StaffCategories.Count; s++)
        {
            var category = rubric.StaffCategories[s];
            Required(category.Title, $"$.staffCategories[{s}].title", problems);
            if (string.IsNullOrWhiteSpace(category.Id) || !categoryIds.Add(category.Id))
            {
                problems.Add($"$.staffCategories[{s}].id", "rubric.duplicate-code",
                    $"Mã nhóm cán bộ '{category.Id}' trống hoặc bị trùng.", $"Staff category id '{category.Id}' is empty or repeated.");
            }
        }
        CheckLimits(rubric.TextLimits, problems);
    }

    private static void CheckLimits(TextLimits limits, ValidationProblemList problems)
    {
        (string Name, int Value)[] all =
        [
            ("generalSituation", limits.GeneralSituation), ("narrative", limits.Narrative), ("remark", limits.Remark),
            ("maxRemarks", limits.MaxRemarks), ("recommendations", limits.Recommendations), ("recipient", limits.Recipient),
            ("maxRecipients", limits.MaxRecipients), ("evidence", limits.Evidence), ("maxEvidence", limits.MaxEvidence),
        ];
        foreach (var (name, value) in all)
        {
            if (value <= 0)
            {
                problems.Add($"$.textLimits.{name}", "rubric.range", "Giới hạn phải lớn hơn 0.", "A limit must be greater than 0.");
            }
        }
    }

    internal static void CheckCode(string code, string path, HashSet<string> codes, ValidationProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            problems.Add(path, "rubric.required", "Thiếu mã.", "The code is missing.");
        }
        else if (!codes.Add(code))
        {
            problems.Add(path, "rubric.duplicate-code", $"Mã '{code}' bị trùng.", $"Code '{code}' is used more than once.");
        }
    }

    internal static void Required(string? text, string path, ValidationProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(path, "rubric.required", "Thiếu nội dung bắt buộc.", "This text is required.");
        }
    }

    internal static void Positive(decimal value, string path, ValidationProblemList problems)
    {
        if (value <= 0m)
        {
            problems.Add(path, "rubric.range", "Điểm phải lớn hơn 0.", "Points must be greater than 0.");
        }
    }

    // \A…\z rather than ^…$: $ also matches before a final "\n", which would let "x\n" through.
    [GeneratedRegex("\\A[a-z0-9]+(-[a-z0-9]+)*\\z")]
    private static partial Regex IdPattern();
}
