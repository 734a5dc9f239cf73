using CulturalServerless.Scoring.Indicators;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring.Rules;

/// <summary>Checks several rule kinds share, with one wording each.</summary>
internal static class RuleChecks
{
    public static void NotNumeric(IndicatorDefinition indicator, string path, ValidationProblemList problems) =>
        problems.Add($"{path}.indicator", "rubric.rule-indicator-kind",
            $"Quy tắc này cần chỉ số dạng số, nhưng '{indicator.Id}' là {indicator.Kind.ToString().ToLowerInvariant()}.",
            $"This rule needs a numeric indicator, but '{indicator.Id}' is {indicator.Kind.ToString().ToLowerInvariant()}.");

    public static void PositivePoints(decimal points, string path, ValidationProblemList problems)
    {
        if (points <= 0m)
        {
            problems.Add($"{path}.points", "rubric.rule-points",
                "Điểm của quy tắc phải lớn hơn 0.",
                "A rule's points must be greater than 0.");
        }
    }

    /// <summary>Gates read a count-like figure (violations) or a yes/no fact with its expected answer.</summary>
    public static void Gate(IndicatorDefinition indicator, bool? expected, decimal allowed, string path, ValidationProblemList problems)
    {
        if (indicator.Kind == IndicatorKind.Boolean)
        {
            if (expected is null)
            {
                problems.Add($"{path}.expected", "rubric.gate-expected",
                    $"Chỉ số có/không '{indicator.Id}' cần \"expected\" (true/false) để biết thế nào là vi phạm.",
                    $"Yes/no indicator '{indicator.Id}' needs \"expected\" (true/false) to say what a violation is.");
            }
            return;
        }
        if (!indicator.IsNumeric)
        {
            NotNumeric(indicator, path, problems);
            return;
        }
        if (expected is not null)
        {
            problems.Add($"{path}.expected", "rubric.gate-expected",
                "\"expected\" chỉ dùng cho chỉ số có/không; chỉ số dạng số dùng \"allowed\".",
                "\"expected\" applies to yes/no indicators only; numeric indicators use \"allowed\".");
        }
        if (allowed < indicator.EffectiveMin || allowed > indicator.EffectiveMax)
        {
            problems.Add($"{path}.allowed", "rubric.bar-range",
                $"Mức cho phép {VietnameseNumbers.Format(allowed)} nằm ngoài miền giá trị của chỉ số '{indicator.Id}'.",
                $"The allowed level {allowed} lies outside the range of indicator '{indicator.Id}'.");
        }
    }
}
