namespace CulturalServerless.Reports;

/// <summary>
/// One line of the scoring table: the agency's own score next to the one the rules compute, with
/// the agency's explanation where they differ or evidence is missing. A criterion row without
/// scores (a group heading) leaves them null.
/// </summary>
public sealed record AnnexRow(
    string Code,
    string Title,
    decimal? MaxScore,
    decimal? SelfScore,
    decimal? ComputedScore,
    string Explanation)
{
    /// <summary>Group rows (a whole criterion) are printed bold.</summary>
    public bool IsGroup { get; init; }
}
