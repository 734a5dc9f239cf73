using System.Text.Json.Serialization;

namespace CulturalServerless.Scoring.Indicators;

/// <summary>
/// A figure a sub-criterion expects in the submission. Min and max bound the accepted values
/// (percentages default to 0–100, counts to ≥ 0); <see cref="Derivation"/> lets a figure be
/// computed from others, and checked against them when the agency reports it too.
/// </summary>
public sealed record IndicatorDefinition
{
    public required string Id { get; init; }
    public required IndicatorKind Kind { get; init; }
    public required string Title { get; init; }
    public string? Unit { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    /// <summary>For text indicators: the most characters accepted (after NFC normalisation).</summary>
    public int? MaxLength { get; init; }
    public bool Required { get; init; } = true;
    public IndicatorDerivation? Derivation { get; init; }

    [JsonIgnore]
    public decimal EffectiveMin => Min ?? (Kind is IndicatorKind.Percentage or IndicatorKind.Count ? 0m : decimal.MinValue);

    [JsonIgnore]
    public decimal EffectiveMax => Max ?? (Kind is IndicatorKind.Percentage ? 100m : decimal.MaxValue);

    [JsonIgnore]
    public bool IsNumeric => Kind is IndicatorKind.Percentage or IndicatorKind.Count or IndicatorKind.Amount;
}
