using CulturalServerless.Application.Webhooks;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// Webhook subscriptions in the <c>clients</c> container, partitioned by id: registration is a
/// point operation; a reminder run reads a page's subscriptions with one query.
/// </summary>
public sealed class WebhookSubscriptionRepository(Database database)
{
    private readonly Container container = database.GetContainer(CosmosContainers.Clients.Name);

    public Task<Stored<WebhookSubscription>?> FindAsync(string id, CancellationToken cancellationToken) =>
        container.FindAsync<WebhookSubscription>(id, id, cancellationToken);

    public async Task<bool> TryCreateAsync(WebhookSubscription subscription, CancellationToken cancellationToken) =>
        await container.TryCreateAsync(subscription, subscription.Id, cancellationToken) is not null;

    public async Task<bool> TryReplaceAsync(WebhookSubscription subscription, string eTag, CancellationToken cancellationToken) =>
        await container.TryReplaceAsync(subscription, subscription.Id, subscription.Id, eTag, cancellationToken) is not null;

    /// <summary>The subscriptions among <paramref name="ids"/>, keyed by id; one query for a page of agencies.</summary>
    public async Task<IReadOnlyDictionary<string, WebhookSubscription>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, WebhookSubscription>(StringComparer.Ordinal);
        if (ids.Count == 0) return found;
        var query = new QueryDefinition("SELECT * FROM c WHERE c.type = @type AND ARRAY_CONTAINS(@ids, c.id)")
            .WithParameter("@type", WebhookSubscription.DocumentType)
            .WithParameter("@ids", ids);
        await foreach (var subscription in CosmosQueries.ReadAllAsync<WebhookSubscription>(container, query, cancellationToken))
        {
            found[subscription.Id] = subscription;
        }
        return found;
    }

    /// <summary>Every steering committee's subscription: a few hundred at most, one per district or province.</summary>
    public async Task<IReadOnlyList<WebhookSubscription>> ListCommitteesAsync(CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.type = @type AND c.ownerKind = @kind")
            .WithParameter("@type", WebhookSubscription.DocumentType)
            .WithParameter("@kind", "committee");
        var committees = new List<WebhookSubscription>();
        await foreach (var subscription in CosmosQueries.ReadAllAsync<WebhookSubscription>(container, query, cancellationToken))
        {
            committees.Add(subscription);
        }
        return committees;
    }
}
