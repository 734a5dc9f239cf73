namespace CulturalServerless.Scoring.Rules;

/// <summary>A bar — "atLeast" (≥) or "above" (>) — and the points for reaching it.</summary>
public sealed record ThresholdStep
{
    public decimal? AtLeast { get; init; }
    public decimal? Above { get; init; }
    public decimal Points { get; init; }

    internal decimal Bar => AtLeast ?? Above ?? 0m;
}
