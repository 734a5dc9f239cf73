using CulturalServerless.Scoring;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// The head of an agency's assessment for a year: which version is the latest, its status and
/// totals (what the steering committee lists and sorts by), and the history of every change.
/// </summary>
public sealed record AssessmentHead
{
    public const string DocumentType = "assessment";

    /// <summary>The unique idempotency key of the head in its partition (see <see cref="AssessmentVersion.IdempotencyKey"/>).</summary>
    public const string HeadIdempotencyKey = "head";

    public required string Id { get; init; }
    public required string PartitionKey { get; init; }
    public string Type { get; init; } = DocumentType;
    public string IdempotencyKey { get; init; } = HeadIdempotencyKey;
    public required string AgencyId { get; init; }
    public required string AgencyName { get; init; }
    public required string Jurisdiction { get; init; }
    public required int Year { get; init; }
    public required int LatestVersion { get; init; }
    public required AssessmentStatus Status { get; init; }
    public required string RubricId { get; init; }
    public decimal? SelfTotal { get; init; }
    public required decimal ComputedTotal { get; init; }
    public required Verdict Verdict { get; init; }
    public required VersionReport Report { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public IReadOnlyList<HistoryEntry> History { get; init; } = [];

    /// <summary>
    /// The steering committee's appraisal, null until it starts. Its state, appraised total and
    /// result are the summary exports and statistics read (docs/data-model.md).
    /// </summary>
    public AssessmentAppraisal? Appraisal { get; init; }
}
