using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Decisions;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// Agencies' recognition claims in the <c>decisions</c> container, one document per agency
/// (<c>recognition-claim|{agencyId}</c>, its own partition): created if absent, taken over and
/// released with If-Match. Their type keeps them out of the decisions' queries.
/// </summary>
public sealed class RecognitionClaimRepository(Database database) : IRecognitionClaimStore
{
    public const string DocumentType = "recognition-claim";

    private readonly Container container = database.GetContainer(CosmosContainers.Decisions.Name);

    public static string IdOf(string agencyId) => $"{DocumentType}|{agencyId}";

    public async Task<Stored<RecognitionClaim>?> FindAsync(string agencyId, CancellationToken cancellationToken) =>
        await container.FindAsync<ClaimDocument>(IdOf(agencyId), IdOf(agencyId), cancellationToken) is { } found
            ? new Stored<RecognitionClaim>(new RecognitionClaim(found.Value.AgencyId, found.Value.DecisionId, found.Value.ClaimedAt), found.ETag)
            : null;

    public Task<string?> TryCreateAsync(RecognitionClaim claim, CancellationToken cancellationToken) =>
        container.TryCreateAsync(ClaimDocument.Of(claim), IdOf(claim.AgencyId), cancellationToken);

    public Task<string?> TryReplaceAsync(RecognitionClaim claim, string eTag, CancellationToken cancellationToken) =>
        container.TryReplaceAsync(ClaimDocument.Of(claim), IdOf(claim.AgencyId), IdOf(claim.AgencyId), eTag, cancellationToken);

    public Task ReleaseAsync(string agencyId, string eTag, CancellationToken cancellationToken) =>
        container.TryDeleteAsync(IdOf(agencyId), IdOf(agencyId), eTag, cancellationToken);

    private sealed record ClaimDocument(string Id, string Type, string AgencyId, string DecisionId, DateTimeOffset ClaimedAt)
    {
        public static ClaimDocument Of(RecognitionClaim claim) => new(IdOf(claim.AgencyId), DocumentType, claim.AgencyId, claim.DecisionId, claim.ClaimedAt);
    }
}
