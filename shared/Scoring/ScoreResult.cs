namespace CulturalServerless.Scoring;

/// <summary>
/// The computed score of one submission under one rubric, kept beside the agency's own figures:
/// stored with the assessment and rendered in the report's annex.
/// </summary>
public sealed record ScoreResult
{
    public required string RubricId { get; init; }
    public required int RubricVersion { get; init; }
    public required int Year { get; init; }
    public required IReadOnlyList<SubCriterionScore> SubCriteria { get; init; }
    public required IReadOnlyList<CriterionScore> Criteria { get; init; }
    public required decimal Total { get; init; }
    public required decimal MaxTotal { get; init; }
    public required decimal PassThreshold { get; init; }
    public decimal? SelfTotal { get; init; }
    public required Verdict Verdict { get; init; }
    public required IReadOnlyList<VerdictReason> Reasons { get; init; }
    public required IReadOnlyList<KnockOut> KnockOuts { get; init; }
    public required IReadOnlyList<Discrepancy> Discrepancies { get; init; }
}
