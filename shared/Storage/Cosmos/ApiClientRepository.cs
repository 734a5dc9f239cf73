using System.Net;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Paging;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>The registry of API clients in the <c>clients</c> container: a point read per authenticated request.</summary>
public sealed class ApiClientRepository(Database database) : IApiClientStore
{
    private readonly Container container = database.GetContainer(CosmosContainers.Clients.Name);

    public async Task<ApiClient?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        var id = ApiClient.DocumentId(clientId);
        var stored = await container.FindAsync<ApiClient>(id, id, cancellationToken);
        // The container holds other kinds of client record: only a registry entry counts.
        return stored?.Value.Type == ApiClient.DocumentType ? stored.Value : null;
    }

    public async Task<bool> UpsertAsync(ApiClient client, CancellationToken cancellationToken)
    {
        var response = await container.UpsertItemAsync(client, new PartitionKey(client.Id),
            new ItemRequestOptions { EnableContentResponseOnWrite = false }, cancellationToken);
        return response.StatusCode == HttpStatusCode.Created;
    }

    public async Task<Page<ApiClient>> ListAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var query = new FilteredQuery().Where("c.type = @type", "@type", ApiClient.DocumentType).Select("SELECT * FROM c", "c.id");
        return await CosmosPaging.ReadPageAsync<ApiClient>(container, query, continuationToken, pageSize, cancellationToken);
    }
}
