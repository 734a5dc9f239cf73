using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Webhooks;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// Webhook subscriptions in the <c>clients</c> container, partitioned by id: registration is a
/// point operation; a reminder run reads a page's subscriptions with one query.
/// </summary>
public sealed class WebhookSubscriptionRepository(Database database) : IWebhookSubscriptionStore
{
    private readonly Container container = database.GetContainer(CosmosContainers.Clients.Name);

    public Task<Stored<WebhookSubscription>?> FindAsync(string id, CancellationToken cancellationToken) =>
        container.FindAsync<WebhookSubscription>(id, id, cancellationToken);

    public async Task<bool> TryCreateAsync(WebhookSubscription subscription, CancellationToken cancellationToken) =>
        await container.TryCreateAsync(subscription, subscription.Id, cancellationToken) is not null;

    public async Task<bool> TryReplaceAsync(WebhookSubscription subscription, string eTag, CancellationToken cancellationToken) =>
        await container.TryReplaceAsync(subscription, subscription.Id, subscription.Id, eTag, cancellationToken) is not null;

    public async Task<IReadOnlyDictionary<string, WebhookSubscription>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, WebhookSubscription>(StringComparer.Ordinal);
        if (ids.Count == 0) return found;
        var query = new FilteredQuery()
            .Where("c.type = @type", "@type", WebhookSubscription.DocumentType)
            .Where("ARRAY_CONTAINS(@ids, c.id)", "@ids", ids)
            .Select("SELECT * FROM c");
        await foreach (var subscription in CosmosQueries.ReadAllAsync<WebhookSubscription>(container, query, cancellationToken))
        {
            found[subscription.Id] = subscription;
        }
        return found;
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListCommitteesAsync(CancellationToken cancellationToken)
    {
        var query = new FilteredQuery()
            .Where("c.type = @type", "@type", WebhookSubscription.DocumentType)
            .Where("c.ownerKind = @kind", "@kind", "committee")
            .Select("SELECT * FROM c");
        var committees = new List<WebhookSubscription>();
        await foreach (var subscription in CosmosQueries.ReadAllAsync<WebhookSubscription>(container, query, cancellationToken))
        {
            committees.Add(subscription);
        }
        return committees;
    }
}
