using CulturalServerless.Application.Access;
using CulturalServerless.Scoring;
using CulturalServerless.Scoring.Submissions;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// An agency's working copy of its assessment for a year: validated and scored like a submission,
/// so the clerk sees the results while typing, but it issues nothing (no version, no report, no
/// document number) and the head, the committee's list and the reminders never see it. One per
/// agency-year, in the agency-year's partition, replaced by every save.
/// </summary>
public sealed record AssessmentDraft
{
    public const string DocumentType = "assessment-draft";

    /// <summary>
    /// The draft's value of the partition's unique <c>idempotencyKey</c>. Clients' Idempotency-Keys
    /// may not start with <c>generated:</c> and generated ones are <c>generated:</c> + 32 hex digits,
    /// so no version's key can ever be this one (a plain <c>draft</c> could be a client's key).
    /// </summary>
    public const string DraftIdempotencyKey = "generated:draft";

    public required string Id { get; init; }
    public required string PartitionKey { get; init; }
    public string Type { get; init; } = DocumentType;
    public string IdempotencyKey { get; init; } = DraftIdempotencyKey;
    public required string AgencyId { get; init; }
    public required int Year { get; init; }

    /// <summary>What was saved, NFC-normalised, as the evaluator returns it.</summary>
    public required AssessmentSubmission Submission { get; init; }

    public required ScoreResult Results { get; init; }
    public required DateTimeOffset SavedAt { get; init; }
    public required Actor SavedBy { get; init; }
}

/// <summary>A draft as the API shows it: the document without its storage fields (id, partition key, type, idempotency key).</summary>
public sealed record AssessmentDraftView
{
    public required string AgencyId { get; init; }
    public required int Year { get; init; }
    public required ScoreResult Results { get; init; }
    public required AssessmentSubmission Submission { get; init; }
    public required DateTimeOffset SavedAt { get; init; }
    public required Actor SavedBy { get; init; }

    public static AssessmentDraftView From(AssessmentDraft draft) => new()
    {
        AgencyId = draft.AgencyId,
        Year = draft.Year,
        Results = draft.Results,
        Submission = draft.Submission,
        SavedAt = draft.SavedAt,
        SavedBy = draft.SavedBy,
    };
}
