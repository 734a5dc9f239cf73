namespace CulturalServerless.Scoring.Rubrics;

/// <summary>One of the main criteria ("tiêu chí"), e.g. 1. "Hoàn thành tốt nhiệm vụ", with its sub-items.</summary>
public sealed record RubricCriterion
{
    public required string Code { get; init; }
    public required string Title { get; init; }
    /// <summary>Equals the sum of its standard sub-items' points; bonus and penalty items come on top.</summary>
    public required decimal MaxPoints { get; init; }
    public required IReadOnlyList<RubricItem> Items { get; init; }
}
