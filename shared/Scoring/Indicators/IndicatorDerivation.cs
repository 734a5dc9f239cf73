using System.Text.Json.Serialization;

namespace CulturalServerless.Scoring.Indicators;

/// <summary>
/// How an indicator follows from others of the same item. Either a share — <see cref="Part"/> as a
/// percentage of the sum of <see cref="Of"/> — or a sum (<see cref="Sum"/>). A reported value must
/// agree with the derived one within <see cref="Tolerance"/> (reports round percentages their own way:
/// the seed writes 33,090 of 33,124 as 99,89 % and 34 as 0,1 %).
/// </summary>
public sealed record IndicatorDerivation
{
    public string? Part { get; init; }
    public IReadOnlyList<string>? Of { get; init; }
    public IReadOnlyList<string>? Sum { get; init; }
    public decimal Tolerance { get; init; }

    [JsonIgnore]
    public bool IsShare => Part is not null;

    [JsonIgnore]
    public IEnumerable<string> Sources => IsShare ? [Part!, .. Of ?? []] : Sum ?? [];
}
