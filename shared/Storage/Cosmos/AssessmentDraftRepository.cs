using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Concurrency;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// Drafts in the <c>assessments</c> container, one per agency-year in the partition of its head
/// and versions (<c>type: "assessment-draft"</c>, which no query over heads or versions matches):
/// point reads, a create, and replaces guarded by the ETag.
/// </summary>
public sealed class AssessmentDraftRepository(Database database) : IAssessmentDraftStore
{
    private readonly Container container = database.GetContainer(CosmosContainers.Assessments.Name);

    public Task<Stored<AssessmentDraft>?> FindAsync(string agencyId, int year, CancellationToken cancellationToken) =>
        container.FindAsync<AssessmentDraft>(AssessmentKeys.DraftId(agencyId, year), AssessmentKeys.PartitionKey(agencyId, year), cancellationToken);

    public async Task<Stored<AssessmentDraft>?> TryCreateAsync(AssessmentDraft draft, CancellationToken cancellationToken) =>
        await container.TryCreateAsync(draft, draft.PartitionKey, cancellationToken) is { } eTag ? new Stored<AssessmentDraft>(draft, eTag) : null;

    public async Task<Stored<AssessmentDraft>?> TryReplaceAsync(AssessmentDraft draft, string eTag, CancellationToken cancellationToken) =>
        await container.TryReplaceAsync(draft, draft.Id, draft.PartitionKey, eTag, cancellationToken) is { } newETag
            ? new Stored<AssessmentDraft>(draft, newETag)
            : null;
}
