using System.Runtime.CompilerServices;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>Reads every result of a query whose size the caller has bounded (e.g. by a list of ids).</summary>
public static class CosmosQueries
{
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        Container container, QueryDefinition query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var iterator = container.GetItemQueryIterator<T>(query);
        while (iterator.HasMoreResults)
        {
            foreach (var item in await iterator.ReadNextAsync(cancellationToken))
            {
                yield return item;
            }
        }
    }
}
