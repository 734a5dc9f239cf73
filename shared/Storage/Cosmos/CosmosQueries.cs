using System.Runtime.CompilerServices;
using System.Text.Json;
using CulturalServerless.Serialization;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>Reads every result of a query whose size the caller has bounded (e.g. by a list of ids).</summary>
public static class CosmosQueries
{
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        Container container, QueryDefinition query, [EnumeratorCancellation] CancellationToken cancellationToken, PartitionKey? partitionKey = null)
    {
        using var iterator = container.GetItemQueryIterator<T>(query,
            requestOptions: partitionKey is { } key ? new QueryRequestOptions { PartitionKey = key } : null);
        while (iterator.HasMoreResults)
        {
            foreach (var item in await iterator.ReadNextAsync(cancellationToken))
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// A timestamp as the documents store it: System.Text.Json's ISO 8601 and always UTC
    /// ("+00:00"), so comparing them as strings orders them as instants.
    /// </summary>
    public static string Timestamp(DateTimeOffset value) =>
        JsonSerializer.Serialize(value.ToUniversalTime(), JsonDefaults.Options).Trim('"');
}
