using CulturalServerless.Application.Webhooks;

namespace CulturalServerless.Application.Reminders;

/// <summary>
/// Each subscribed committee's missing agencies, gathered from the pages a run recorded: the count
/// of all, and the list of the first <see cref="ReminderPageWorker.DigestListLimit"/> by agency id
/// (the same ones whatever order the pages are read in), so memory stays bounded however many
/// agencies there are (a portal pages the rest through <c>GET /api/reminders</c>).
/// </summary>
public sealed class CommitteeDigests
{
    private static readonly Comparer<MissingAgency> ById = Comparer<MissingAgency>.Create((a, b) => string.CompareOrdinal(a.AgencyId, b.AgencyId));
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
            digest.Count++;
            if (!digest.Listed.Add(agency)) continue;
            if (digest.Listed.Count > ReminderPageWorker.DigestListLimit) digest.Listed.Remove(digest.Listed.Max!);
        }
    }

    public IEnumerable<Digest> NonEmpty => byJurisdiction.Values.Where(d => d.Count > 0);

    public sealed class Digest(WebhookSubscription subscription)
    {
        public WebhookSubscription Subscription { get; } = subscription;
        public int Count { get; set; }
        internal SortedSet<MissingAgency> Listed { get; } = new(ById);
        public IReadOnlyList<MissingAgency> Agencies => Listed.ToList();
    }
}
