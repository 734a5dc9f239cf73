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
        // Items have a handful of indicators: a linear scan beats a dictionary, and indexing
        // (rather than foreach over the interface) allocates nothing on this hot path.
        for (var i = 0; i < Indicators.Count; i++)
        {
            if (string.Equals(Indicators[i].Id, id, StringComparison.Ordinal))
            {
                return Indicators[i];
            }
        }
        return null;
    }
}
