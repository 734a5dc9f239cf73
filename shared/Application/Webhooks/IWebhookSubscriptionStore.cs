using CulturalServerless.Application.Concurrency;

namespace CulturalServerless.Application.Webhooks;

/// <summary>Where webhook subscriptions are kept: point operations by id, and the reminder run's look-ups.</summary>
public interface IWebhookSubscriptionStore
{
    Task<Stored<WebhookSubscription>?> FindAsync(string id, CancellationToken cancellationToken);

    Task<bool> TryCreateAsync(WebhookSubscription subscription, CancellationToken cancellationToken);

    Task<bool> TryReplaceAsync(WebhookSubscription subscription, string eTag, CancellationToken cancellationToken);

    /// <summary>The subscriptions among <paramref name="ids"/>, keyed by id; one request for a page of agencies.</summary>
    Task<IReadOnlyDictionary<string, WebhookSubscription>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Every steering committee's subscription: a few hundred at most.</summary>
    Task<IReadOnlyList<WebhookSubscription>> ListCommitteesAsync(CancellationToken cancellationToken);
}
