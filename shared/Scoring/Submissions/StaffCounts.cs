namespace CulturalServerless.Scoring.Submissions;

/// <summary>The staff total and its split by the rubric's categories (seed: 89 = 60 + 14 + 15).</summary>
public sealed record StaffCounts
{
    public int? Total { get; init; }
    public IReadOnlyDictionary<string, int> Categories { get; init; } = new Dictionary<string, int>();
}
