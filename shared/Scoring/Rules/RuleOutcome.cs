namespace CulturalServerless.Scoring.Rules;

/// <summary>What one rule made of one reading: points awarded, or a violated gate.</summary>
internal readonly record struct RuleOutcome(decimal Points, bool Violated)
{
    public static RuleOutcome Award(decimal points) => new(points, false);

    public static RuleOutcome Passed { get; } = new(0m, false);

    public static RuleOutcome Violation { get; } = new(0m, true);
}
