using System.Net;
using CulturalServerless.Application.Paging;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>Reads one page of a query, handing the client an opaque continuation token.</summary>
public static class CosmosPaging
{
    public static async Task<Page<T>> ReadPageAsync<T>(
        Container container, QueryDefinition query, string? clientToken, int pageSize, CancellationToken cancellationToken,
        PartitionKey? partitionKey = null)
    {
        var options = new QueryRequestOptions { MaxItemCount = pageSize, PartitionKey = partitionKey };
        using var iterator = container.GetItemQueryIterator<T>(query, ContinuationTokens.FromClient(clientToken), options);
        try
        {
            // A cross-partition round trip can come back empty with more to come; a client should
            // never get an empty page that is not the last, so read on until something arrives.
            var items = new List<T>(pageSize);
            string? next = null;
            while (iterator.HasMoreResults && items.Count == 0)
            {
                var response = await iterator.ReadNextAsync(cancellationToken);
                items.AddRange(response);
                next = response.ContinuationToken;
                if (next is null) break;
            }
            return new Page<T>(items, ContinuationTokens.ToClient(next));
        }
        catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.BadRequest && clientToken is not null)
        {
            throw ContinuationTokens.InvalidToken();
        }
    }
}
