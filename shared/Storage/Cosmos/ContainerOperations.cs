using System.Net;
using System.Text.Json;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Serialization;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// The three Cosmos DB operations every repository uses, with the one meaning each status has here:
/// a point read that finds nothing is null (404); a create whose id is taken fails softly (409,
/// "already done"); a replace or delete whose ETag is stale fails softly (412, "someone else won, re-read").
/// </summary>
public static class ContainerOperations
{
    private static readonly ItemRequestOptions NoContent = new() { EnableContentResponseOnWrite = false };

    public static async Task<Stored<T>?> FindAsync<T>(this Container container, string id, string partitionKey, CancellationToken cancellationToken)
    {
        // The stream read answers 404 as a status, not an exception: "not there yet" is the common
        // answer on the submission path (a new agency-year), and a thrown exception travelling up
        // the SDK's async frames cost more CPU than the read itself.
        using var response = await container.ReadItemStreamAsync(id, new PartitionKey(partitionKey), cancellationToken: cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        var value = await JsonSerializer.DeserializeAsync<T>(response.Content, JsonDefaults.Options, cancellationToken)
            ?? throw new InvalidOperationException($"Cosmos DB returned an empty document for '{id}'.");
        return new Stored<T>(value, response.Headers.ETag);
    }

    /// <summary>Creates the item; its ETag, or null when its id (or a unique key) is taken in the partition.</summary>
    public static async Task<string?> TryCreateAsync<T>(this Container container, T item, string partitionKey, CancellationToken cancellationToken)
    {
        try
        {
            return (await container.CreateItemAsync(item, new PartitionKey(partitionKey), NoContent, cancellationToken)).ETag;
        }
        catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    /// <summary>Replaces the item if it still has <paramref name="eTag"/>; its new ETag, or null when it changed or went meanwhile.</summary>
    public static async Task<string?> TryReplaceAsync<T>(
        this Container container, T item, string id, string partitionKey, string eTag, CancellationToken cancellationToken)
    {
        try
        {
            var options = new ItemRequestOptions { IfMatchEtag = eTag, EnableContentResponseOnWrite = false };
            return (await container.ReplaceItemAsync(item, id, new PartitionKey(partitionKey), options, cancellationToken)).ETag;
        }
        catch (CosmosException exception) when (exception.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Deletes the item if it still has <paramref name="eTag"/>; false when it changed or went meanwhile.</summary>
    public static async Task<bool> TryDeleteAsync(this Container container, string id, string partitionKey, string eTag, CancellationToken cancellationToken)
    {
        // The stream API answers 412 and 404 as statuses, as the read above does, not as exceptions.
        using var response = await container.DeleteItemStreamAsync(id, new PartitionKey(partitionKey), new ItemRequestOptions { IfMatchEtag = eTag }, cancellationToken);
        if (response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound) return false;
        response.EnsureSuccessStatusCode();
        return true;
    }
}
