using CulturalServerless.Scoring.Indicators;
using CulturalServerless.Scoring.Rubrics;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring.Submissions;

/// <summary>Checks one reported figure against its definition: presence, kind, range, length and consistency.</summary>
internal static class IndicatorChecks
{
    public static void Check(RubricItem item, IndicatorDefinition indicator, SubCriterionReport report, ValidationProblemList problems)
    {
        var value = IndicatorReader.Reported(report, indicator.Id);
        if (value.IsMissing)
        {
            var derivable = indicator.Derivation is { } derivation && IndicatorReader.TryDerive(report, derivation, out _);
            if (indicator.Required && !derivable)
            {
                problems.Add(JsonPath.Indicator(item.Code, indicator.Id), "submission.indicator-missing",
                    $"Thiếu chỉ số \"{indicator.Title}\" của tiểu mục {item.Code}.",
                    $"Indicator '{indicator.Id}' of sub-criterion {item.Code} is missing.");
            }
            return;
        }
        if (!IndicatorReader.HasRightKind(indicator.Kind, value.Type))
        {
            problems.Add(JsonPath.Indicator(item.Code, indicator.Id), "submission.indicator-kind",
                $"Chỉ số \"{indicator.Title}\" phải là {KindVi(indicator.Kind)}.",
                $"Indicator '{indicator.Id}' must be {KindEn(indicator.Kind)}.");
            return;
        }
        switch (value.Type)
        {
            case IndicatorValueType.Number:
                CheckNumber(item, indicator, value, report, problems);
                break;
            case IndicatorValueType.Text when indicator.MaxLength is { } maxLength
                && SubmissionValidator.TextProblem(value.Text, maxLength, required: false) is { } problem:
                problems.Add(JsonPath.Indicator(item.Code, indicator.Id), problem.Code, problem.Message, problem.MessageEn);
                break;
        }
    }

    private static void CheckNumber(RubricItem item, IndicatorDefinition indicator, IndicatorValue value, SubCriterionReport report, ValidationProblemList problems)
    {
        if (indicator.Kind == IndicatorKind.Count && value.Number != decimal.Truncate(value.Number))
        {
            problems.Add(JsonPath.Indicator(item.Code, indicator.Id), "submission.indicator-not-whole",
                $"Chỉ số \"{indicator.Title}\" là số đếm, phải là số nguyên.",
                $"Indicator '{indicator.Id}' is a count and must be a whole number.");
        }
        var min = indicator.EffectiveMin;
        var max = indicator.EffectiveMax;
        // "above 100" is out of range for a percentage even though 100 itself is not.
        var overMax = value.Bound == NumberBound.Above ? value.Number >= max : value.Number > max;
        if (value.Number < min || overMax)
        {
            problems.Add(JsonPath.Indicator(item.Code, indicator.Id), "submission.indicator-out-of-range",
                $"Chỉ số \"{indicator.Title}\" = {VietnameseNumbers.Format(value.Number)} nằm ngoài khoảng {Range(min, max)}.",
                $"Indicator '{indicator.Id}' = {value.Number} is outside {RangeEn(min, max)}.");
            return;
        }
        if (indicator.Derivation is { } derivation && IndicatorReader.TryDerive(report, derivation, out var derived))
        {
            var consistent = value.Bound switch
            {
                NumberBound.Above => derived > value.Number,
                NumberBound.AtLeast => derived >= value.Number,
                _ => Math.Abs(derived - value.Number) <= derivation.Tolerance,
            };
            if (!consistent)
            {
                var sources = string.Join(", ", derivation.Sources);
                problems.Add(JsonPath.Indicator(item.Code, indicator.Id), "submission.indicator-inconsistent",
                    $"Chỉ số \"{indicator.Title}\" = {VietnameseNumbers.Format(value.Number)} không khớp với số liệu chi tiết ({VietnameseNumbers.Format(VietnameseNumbers.Truncate2(derived))}).",
                    $"Indicator '{indicator.Id}' = {value.Number} does not agree with {sources} ({VietnameseNumbers.Truncate2(derived)}).");
            }
        }
    }

    private static string KindVi(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Percentage => "tỷ lệ phần trăm (số)",
        IndicatorKind.Count => "số đếm",
        IndicatorKind.Boolean => "có/không (true/false)",
        IndicatorKind.Amount => "số",
        _ => "văn bản",
    };

    private static string KindEn(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Percentage => "a percentage (number)",
        IndicatorKind.Count => "a count",
        IndicatorKind.Boolean => "true or false",
        IndicatorKind.Amount => "a number",
        _ => "text",
    };

    private static string Range(decimal min, decimal max) =>
        max == decimal.MaxValue ? $"≥ {VietnameseNumbers.Format(min)}" : $"{VietnameseNumbers.Format(min)}–{VietnameseNumbers.Format(max)}";

    private static string RangeEn(decimal min, decimal max) => max == decimal.MaxValue ? $"≥ {min}" : $"{min}–{max}";
}
