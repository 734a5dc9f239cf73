using CulturalServerless.Scoring.Indicators;
using CulturalServerless.Scoring.Rules;

namespace CulturalServerless.Scoring.Rubrics;

/// <summary>
/// A sub-criterion ("1.4"): the requirement as the standard words it, its points, the figures the
/// agency must report for it and the rules that turn those figures into points.
/// </summary>
public sealed record RubricItem
{
    public required string Code { get; init; }
    public required string Title { get; init; }
    public required string Requirement { get; init; }
    public required decimal MaxPoints { get; init; }
    public ItemKind Kind { get; init; } = ItemKind.Standard;
    public IReadOnlyList<IndicatorDefinition> Indicators { get; init; } = [];
    public IReadOnlyList<ScoringRule> Rules { get; init; } = [];

    public IndicatorDefinition? FindIndicator(string id)
    {
        // Items have a handful of indicators: a linear scan does, and keeps the record a plain document.
        foreach (var indicator in Indicators)
        {
            if (string.Equals(indicator.Id, id, StringComparison.Ordinal))
            {
                return indicator;
            }
        }
        return null;
    }
}
