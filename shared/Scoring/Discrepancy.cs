namespace CulturalServerless.Scoring;

/// <summary>
/// A self-score that differs from the computed one, located like a validation problem
/// ("$.criteria['1.4'].selfScore" or "$.selfTotal"); <see cref="Code"/> is the sub-criterion or "total".
/// <see cref="Difference"/> is self minus computed.
/// </summary>
public sealed record Discrepancy(string Path, string Code, decimal SelfScore, decimal ComputedScore, decimal Difference, string Message)
{
    public const string TotalCode = "total";
}
