using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Paging;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// Agencies in the <c>agencies</c> container, partitioned by id: registration and look-up are point
/// operations; listing a jurisdiction is a rare committee query that may fan out.
/// </summary>
public sealed class AgencyRepository(Database database) : IAgencyStore
{
    private readonly Container container = database.GetContainer(CosmosContainers.Agencies.Name);

    public Task<Stored<Agency>?> FindAsync(string id, CancellationToken cancellationToken) =>
        container.FindAsync<Agency>(id, id, cancellationToken);

    public async Task<Stored<Agency>?> TryCreateAsync(Agency agency, CancellationToken cancellationToken) =>
        await container.TryCreateAsync(agency, agency.Id, cancellationToken) is { } eTag ? new Stored<Agency>(agency, eTag) : null;

    public async Task<Stored<Agency>?> TryReplaceAsync(Agency agency, string eTag, CancellationToken cancellationToken) =>
        await container.TryReplaceAsync(agency, agency.Id, agency.Id, eTag, cancellationToken) is { } newETag ? new Stored<Agency>(agency, newETag) : null;

    public async Task<Page<Agency>> ListAsync(
        string? jurisdiction, AccessScope? access, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var query = new FilteredQuery();
        if (jurisdiction is not null) query.WithinJurisdiction(jurisdiction);
        query.InScope(access, "c.id");
        return await CosmosPaging.ReadPageAsync<Agency>(container, query.Select("SELECT * FROM c", "c.id"), continuationToken, pageSize, cancellationToken);
    }

    // No ORDER BY: a run visits each agency once in whatever order is cheapest, resuming from the continuation token.
    public Task<Page<AgencyEntry>> ListEntriesAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        CosmosPaging.ReadPageAsync<AgencyEntry>(container, new QueryDefinition("SELECT c.id, c.name, c.jurisdiction FROM c"),
            continuationToken, pageSize, cancellationToken);
}
