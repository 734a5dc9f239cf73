using CulturalServerless.Jurisdictions;

namespace CulturalServerless.Application.Agencies;

/// <summary>
/// Which committee webhooks a reorganisation leaves without digests (<c>CommitteeWebhookAudit</c>,
/// by the reminders' routing): read-only, so a run reports the same each time it is repeated.
/// </summary>
public interface ICommitteeWebhookAudit
{
    /// <summary>
    /// The committee webhooks whose unit ends with the successions of <paramref name="date"/>
    /// (from → to, the shipped ones and the admin's) or had ended by then, by owner.
    /// </summary>
    Task<IReadOnlyList<EndedCommitteeWebhook>> EndedAsync(
        DateOnly date, IReadOnlyDictionary<string, string> successions, UnitCatalogue units, CancellationToken cancellationToken);
}
