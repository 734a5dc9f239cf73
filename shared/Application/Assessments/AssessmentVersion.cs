using CulturalServerless.Application.Access;
using CulturalServerless.Scoring;
using CulturalServerless.Scoring.Submissions;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// One submitted version of an agency's assessment for a year, stored with its score in one
/// document (one write): a version is never changed by a later submission.
/// </summary>
public sealed record AssessmentVersion
{
    public const string DocumentType = "assessment-version";

    public required string Id { get; init; }
    public required string PartitionKey { get; init; }
    public string Type { get; init; } = DocumentType;
    public required string AgencyId { get; init; }
    public required int Year { get; init; }
    public required int Version { get; init; }

    /// <summary>
    /// The client's Idempotency-Key, or a generated one: the container keeps it unique within the
    /// agency-year, which is what makes a retried request find its first result.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>SHA-256 of the request body, to refuse a key reused for a different submission.</summary>
    public required string RequestHash { get; init; }

    public required AssessmentSubmission Submission { get; init; }
    public required ScoreResult Score { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required Actor SubmittedBy { get; init; }

    /// <summary>The number and date taken in the agency's register at submission; the report prints them.</summary>
    public required DocumentIssue Issue { get; init; }
    public required VersionReport Report { get; init; }
}
