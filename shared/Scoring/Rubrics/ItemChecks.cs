using CulturalServerless.Validation;

namespace CulturalServerless.Scoring.Rubrics;

/// <summary>The checks of one sub-criterion of a rubric: its indicators and its rules.</summary>
internal static class ItemChecks
{
    public static void Check(RubricCriterion criterion, RubricItem item, string path, HashSet<string> codes, ValidationProblemList problems)
    {
        RubricValidator.CheckCode(item.Code, $"{path}.code", codes, problems);
        if (!string.IsNullOrWhiteSpace(item.Code) && !item.Code.StartsWith(criterion.Code + ".", StringComparison.Ordinal))
        {
            problems.Add($"{path}.code", "rubric.item-code",
                $"Mã tiểu mục '{item.Code}' phải bắt đầu bằng mã tiêu chí '{criterion.Code}.'.",
                $"Sub-criterion code '{item.Code}' must start with its criterion's code '{criterion.Code}.'.");
        }
        RubricValidator.Required(item.Title, $"{path}.title", problems);
        RubricValidator.Required(item.Requirement, $"{path}.requirement", problems);
        RubricValidator.Positive(item.MaxPoints, $"{path}.maxPoints", problems);
        CheckIndicators(item, path, problems);
        CheckRules(item, path, problems);
    }

    private static void CheckIndicators(RubricItem item, string path, ValidationProblemList problems)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < item.Indicators.Count; i++)
        {
            var indicator = item.Indicators[i];
            var indicatorPath = $"{path}.indicators[{i}]";
            if (string.IsNullOrWhiteSpace(indicator.Id) || !ids.Add(indicator.Id))
            {
                problems.Add($"{indicatorPath}.id", "rubric.duplicate-indicator",
                    $"Mã chỉ số '{indicator.Id}' trống hoặc bị trùng trong tiểu mục {item.Code}.",
                    $"Indicator id '{indicator.Id}' is empty or repeated in sub-criterion {item.Code}.");
            }
            RubricValidator.Required(indicator.Title, $"{indicatorPath}.title", problems);
            IndicatorDefinitionChecks.Check(item, indicator, indicatorPath, problems);
        }
    }

    private static void CheckRules(RubricItem item, string path, ValidationProblemList problems)
    {
        if (item.Rules.Count == 0)
        {
            problems.Add($"{path}.rules", "rubric.no-rules", $"Tiểu mục {item.Code} không có quy tắc chấm điểm.", $"Sub-criterion {item.Code} has no scoring rule.");
            return;
        }
        var pointRules = 0;
        var awarded = 0m;
        for (var r = 0; r < item.Rules.Count; r++)
        {
            var rule = item.Rules[r];
            var rulePath = $"{path}.rules[{r}]";
            if (rule.AwardsPoints)
            {
                pointRules++;
                awarded += rule.MaxAward;
            }
            var indicator = item.FindIndicator(rule.Indicator);
            if (indicator is null)
            {
                problems.Add($"{rulePath}.indicator", "rubric.rule-indicator-unknown",
                    $"Quy tắc đọc chỉ số '{rule.Indicator}' chưa được khai báo trong tiểu mục {item.Code}.",
                    $"The rule reads indicator '{rule.Indicator}', which sub-criterion {item.Code} does not define.");
                continue;
            }
            if (!indicator.Required && indicator.Derivation is null)
            {
                problems.Add($"{rulePath}.indicator", "rubric.rule-indicator-optional",
                    $"Quy tắc đọc chỉ số không bắt buộc '{rule.Indicator}': điểm sẽ phụ thuộc vào việc có báo cáo hay không.",
                    $"The rule reads optional indicator '{rule.Indicator}': the score would depend on whether it is reported.");
            }
            rule.Check(indicator, rulePath, problems);
            if (!rule.AwardsPoints && item.Kind == ItemKind.Penalty)
            {
                // Zeroing a penalty item would cancel the deduction: a violation would help the agency.
                problems.Add($"{rulePath}.kind", "rubric.penalty-gate",
                    $"Tiểu mục trừ điểm {item.Code} không dùng quy tắc loại trừ hay loại trực tiếp.",
                    $"Penalty sub-criterion {item.Code} cannot have zero-tolerance or knock-out rules.");
            }
        }
        if (pointRules > 0 && awarded != item.MaxPoints)
        {
            problems.Add($"{path}.maxPoints", "rubric.rules-sum",
                $"Điểm các quy tắc của tiểu mục {item.Code} cộng lại {VietnameseNumbers.Format(awarded)}, khác điểm tối đa {VietnameseNumbers.Format(item.MaxPoints)}.",
                $"The rules of sub-criterion {item.Code} award up to {awarded}, not its maximum {item.MaxPoints}.");
        }
        if (pointRules == 0 && item.Kind != ItemKind.Standard)
        {
            problems.Add($"{path}.rules", "rubric.no-point-rule",
                $"Tiểu mục cộng/trừ điểm {item.Code} cần một quy tắc tính điểm.",
                $"Bonus or penalty sub-criterion {item.Code} needs a rule that awards points.");
        }
    }
}
