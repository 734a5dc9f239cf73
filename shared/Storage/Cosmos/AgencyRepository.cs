using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Paging;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// Agencies in the <c>agencies</c> container, partitioned by id: registration and look-up are point
/// operations; listing a jurisdiction is a rare committee query that may fan out.
/// </summary>
public sealed class AgencyRepository(Database database)
{
    private readonly Container container = database.GetContainer(CosmosContainers.Agencies.Name);

    public Task<Stored<Agency>?> FindAsync(string id, CancellationToken cancellationToken) =>
        container.FindAsync<Agency>(id, id, cancellationToken);

    /// <summary>Creates the agency; null when one with its id exists already (409).</summary>
    public async Task<Stored<Agency>?> TryCreateAsync(Agency agency, CancellationToken cancellationToken) =>
        await container.TryCreateAsync(agency, agency.Id, cancellationToken) is { } eTag ? new Stored<Agency>(agency, eTag) : null;

    /// <summary>Replaces the agency if it still has <paramref name="eTag"/>; null when someone changed it first (412).</summary>
    public async Task<Stored<Agency>?> TryReplaceAsync(Agency agency, string eTag, CancellationToken cancellationToken) =>
        await container.TryReplaceAsync(agency, agency.Id, agency.Id, eTag, cancellationToken) is { } newETag ? new Stored<Agency>(agency, newETag) : null;

    /// <summary>
    /// Agencies of a jurisdiction and everything under it (all when null), by id, and only those
    /// that <paramref name="access"/> covers (no restriction when null).
    /// </summary>
    public async Task<Page<Agency>> ListAsync(
        string? jurisdiction, AccessScope? access, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var parameters = new Dictionary<string, object>();
        if (jurisdiction is not null)
        {
            conditions.Add("(c.jurisdiction = @scope OR STARTSWITH(c.jurisdiction, @under))");
            parameters["@scope"] = jurisdiction;
            parameters["@under"] = jurisdiction + ".";
        }
        if (access is not null) conditions.Add(ScopeCondition.Of(access, "c.id", parameters));
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        var query = new QueryDefinition($"SELECT * FROM c{where} ORDER BY c.id");
        foreach (var (name, value) in parameters) query = query.WithParameter(name, value);
        return await CosmosPaging.ReadPageAsync<Agency>(container, query, continuationToken, pageSize, cancellationToken);
    }

    /// <summary>
    /// One page of every agency, as much of each as a reminder run needs. No ORDER BY: a run visits
    /// each agency once in whatever order is cheapest, resuming from the continuation token.
    /// </summary>
    public Task<Page<AgencyEntry>> ListEntriesAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        CosmosPaging.ReadPageAsync<AgencyEntry>(container, new QueryDefinition("SELECT c.id, c.name, c.jurisdiction FROM c"),
            continuationToken, pageSize, cancellationToken);
}

/// <summary>An agency as a reminder run sees it: who, and whose committee.</summary>
public sealed record AgencyEntry(string Id, string Name, string Jurisdiction);
