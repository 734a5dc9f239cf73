using CulturalServerless.Scoring.Indicators;
using CulturalServerless.Scoring.Submissions;

namespace CulturalServerless.Scoring;

/// <summary>
/// Reads the value a rule scores. A derived indicator is computed from its sources when they are
/// reported (the counts are the traceable figures; a reported share is only checked against them),
/// otherwise the reported value is used.
/// </summary>
internal static class IndicatorReader
{
    public static IndicatorValue Read(SubCriterionReport? report, IndicatorDefinition indicator)
    {
        if (indicator.Derivation is { } derivation && TryDerive(report, derivation, out var derived))
        {
            // Shares are shown as the seed shows them: truncated at two decimals (99,89%).
            return IndicatorValue.Of(derivation.IsShare ? VietnameseNumbers.Truncate2(derived) : derived);
        }
        return Reported(report, indicator.Id);
    }

    public static IndicatorValue Reported(SubCriterionReport? report, string indicatorId) =>
        report is not null && report.Indicators.TryGetValue(indicatorId, out var value) ? value : IndicatorValue.Missing;

    /// <summary>The exact derived figure, or false when a source is missing, not an exact number, or a share has nothing to divide by.</summary>
    public static bool TryDerive(SubCriterionReport? report, IndicatorDerivation derivation, out decimal value)
    {
        value = 0m;
        if (derivation.IsShare)
        {
            if (!TryExact(report, derivation.Part!, out var part) || !TrySum(report, derivation.Of, out var whole) || whole == 0m)
            {
                return false;
            }
            value = part * 100m / whole;
            return true;
        }
        return TrySum(report, derivation.Sum, out value);
    }

    private static bool TrySum(SubCriterionReport? report, IReadOnlyList<string>? ids, out decimal sum)
    {
        sum = 0m;
        if (ids is null || ids.Count == 0)
        {
            return false;
        }
        foreach (var id in ids)
        {
            if (!TryExact(report, id, out var part))
            {
                return false;
            }
            sum += part;
        }
        return true;
    }

    private static bool TryExact(SubCriterionReport? report, string id, out decimal number)
    {
        var value = Reported(report, id);
        number = value.Number;
        return value.Type == IndicatorValueType.Number && value.Bound == NumberBound.Exact;
    }

    /// <summary>Whether a value has the shape its indicator's kind needs.</summary>
    public static bool HasRightKind(IndicatorKind kind, IndicatorValueType type) => kind switch
    {
        IndicatorKind.Boolean => type == IndicatorValueType.Boolean,
        IndicatorKind.Text => type == IndicatorValueType.Text,
        _ => type == IndicatorValueType.Number,
    };
}
