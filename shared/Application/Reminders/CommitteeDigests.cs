using CulturalServerless.Application.Webhooks;

namespace CulturalServerless.Application.Reminders;

/// <summary>
/// Gathers, during one run, each subscribed committee's missing agencies: the count of all, the
/// list of the first <see cref="ReminderService.DigestListLimit"/>, so memory stays bounded however
/// many agencies there are (a portal pages the rest through <c>GET /api/reminders</c>).
/// </summary>
public sealed class CommitteeDigests
{
    private readonly Dictionary<string, Digest> byJurisdiction;

    public CommitteeDigests(IEnumerable<WebhookSubscription> committees)
    {
        byJurisdiction = committees.ToDictionary(c => c.Owner, c => new Digest(c), StringComparer.Ordinal);
    }

    /// <summary>The nearest committee above or at the jurisdiction that has a webhook: the agency's portal.</summary>
    public WebhookSubscription? PortalOf(string jurisdiction) =>
        JurisdictionScopes.NearestFirst(jurisdiction).Select(scope => byJurisdiction.GetValueOrDefault(scope)?.Subscription).FirstOrDefault(s => s is not null);

    public void Add(MissingAgency agency)
    {
        foreach (var scope in JurisdictionScopes.NearestFirst(agency.Jurisdiction))
        {
            if (!byJurisdiction.TryGetValue(scope, out var digest)) continue;
            lock (digest)
            {
                digest.Count++;
                if (digest.Agencies.Count < ReminderService.DigestListLimit) digest.Agencies.Add(agency);
            }
        }
    }

    public IEnumerable<Digest> NonEmpty => byJurisdiction.Values.Where(d => d.Count > 0);

    public sealed class Digest(WebhookSubscription subscription)
    {
        public WebhookSubscription Subscription { get; } = subscription;
        public int Count { get; set; }
        public List<MissingAgency> Agencies { get; } = [];
    }
}
