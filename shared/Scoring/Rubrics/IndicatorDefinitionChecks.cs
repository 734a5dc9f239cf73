using CulturalServerless.Scoring.Indicators;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring.Rubrics;

/// <summary>Checks an indicator's range, length limit and derivation.</summary>
internal static class IndicatorDefinitionChecks
{
    public static void Check(RubricItem item, IndicatorDefinition indicator, string path, ValidationProblemList problems)
    {
        if (indicator.IsNumeric)
        {
            CheckRange(indicator, path, problems);
        }
        else if (indicator.Min is not null || indicator.Max is not null)
        {
            problems.Add(path, "rubric.range", $"Chỉ số '{indicator.Id}' không phải dạng số nên không có min/max.",
                $"Indicator '{indicator.Id}' is not numeric and cannot have min/max.");
        }
        if (indicator.Kind == IndicatorKind.Text && indicator.MaxLength is not > 0)
        {
            problems.Add($"{path}.maxLength", "rubric.range", $"Chỉ số văn bản '{indicator.Id}' cần giới hạn độ dài lớn hơn 0.",
                $"Text indicator '{indicator.Id}' needs a maxLength greater than 0.");
        }
        if (indicator.Derivation is { } derivation)
        {
            CheckDerivation(item, indicator, derivation, $"{path}.derivation", problems);
        }
    }

    private static void CheckRange(IndicatorDefinition indicator, string path, ValidationProblemList problems)
    {
        var bad = indicator.EffectiveMin > indicator.EffectiveMax
            || (indicator.Kind == IndicatorKind.Percentage && (indicator.EffectiveMin < 0m || indicator.EffectiveMax > 100m))
            || (indicator.Kind == IndicatorKind.Count && indicator.EffectiveMin < 0m);
        if (bad)
        {
            problems.Add(path, "rubric.range",
                $"Miền giá trị của chỉ số '{indicator.Id}' không hợp lý (min ≤ max; tỷ lệ trong 0–100; số đếm ≥ 0).",
                $"The range of indicator '{indicator.Id}' is not sane (min ≤ max; percentages within 0–100; counts ≥ 0).");
        }
    }

    private static void CheckDerivation(RubricItem item, IndicatorDefinition indicator, IndicatorDerivation derivation, string path, ValidationProblemList problems)
    {
        var isShare = derivation.Part is not null;
        var isSum = derivation.Sum is { Count: > 0 };
        if (isShare == isSum || (isShare && derivation.Of is not { Count: > 0 }))
        {
            problems.Add(path, "rubric.derivation",
                "Cách tính cần hoặc \"part\" và \"of\" (tỷ lệ), hoặc \"sum\" (tổng).",
                "A derivation needs either \"part\" and \"of\" (a share) or \"sum\" (a sum).");
            return;
        }
        var expectedKind = isShare ? indicator.Kind == IndicatorKind.Percentage : indicator.Kind is IndicatorKind.Count or IndicatorKind.Amount;
        if (!expectedKind)
        {
            problems.Add(path, "rubric.derivation",
                $"Chỉ số '{indicator.Id}': tỷ lệ phải là phần trăm, tổng phải là số đếm hoặc số lượng.",
                $"Indicator '{indicator.Id}': a share must be a percentage, a sum a count or amount.");
        }
        if (derivation.Tolerance < 0m)
        {
            problems.Add($"{path}.tolerance", "rubric.range", "Sai số cho phép không được âm.", "The tolerance must not be negative.");
        }
        foreach (var source in derivation.Sources)
        {
            var definition = item.FindIndicator(source);
            if (definition is null || !definition.IsNumeric || ReferenceEquals(definition, indicator) || definition.Derivation is not null)
            {
                problems.Add(path, "rubric.derivation-source",
                    $"Chỉ số nguồn '{source}' phải là chỉ số dạng số, đã khai báo, không tự tính, trong tiểu mục {item.Code}.",
                    $"Source indicator '{source}' must be a defined, numeric, non-derived indicator of sub-criterion {item.Code}.");
            }
        }
    }
}
