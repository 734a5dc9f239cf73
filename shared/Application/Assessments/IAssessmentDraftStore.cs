using CulturalServerless.Application.Concurrency;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// Where agencies' drafts are kept: one per agency-year, beside its head and versions
/// (<see cref="AssessmentKeys.PartitionKey"/>, id <see cref="AssessmentKeys.DraftId"/>). Point
/// operations only; the draft's own type keeps it out of every query over heads or versions.
/// </summary>
public interface IAssessmentDraftStore
{
    /// <summary>The stored draft with the ETag that guards its next replacement; null when the agency-year has none.</summary>
    Task<Stored<AssessmentDraft>?> FindAsync(string agencyId, int year, CancellationToken cancellationToken);

    /// <summary>Creates the draft; null when the agency-year has one already.</summary>
    Task<Stored<AssessmentDraft>?> TryCreateAsync(AssessmentDraft draft, CancellationToken cancellationToken);

    /// <summary>Replaces the draft if it still has <paramref name="eTag"/>; null when someone changed (or removed) it first.</summary>
    Task<Stored<AssessmentDraft>?> TryReplaceAsync(AssessmentDraft draft, string eTag, CancellationToken cancellationToken);
}
