using System.Collections.Concurrent;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Jurisdictions;

namespace CulturalServerless.Application.Reminders;

/// <summary>
/// Each subscribed committee's missing agencies, gathered from the pages a run recorded: the count
/// of all, and the list of the first <see cref="ReminderPageWorker.DigestListLimit"/> by agency id
/// (the same ones whatever order the pages are read in), so memory stays bounded however many
/// agencies there are (a portal pages the rest through <c>GET /api/reminders</c>). An agency counts
/// for the committees of its current unit on the run's date (one still registered under 62 Kon Tum
/// counts for 51 Quảng Ngãi's); a subscription whose unit has ended receives nothing and is listed
/// in <see cref="Ended"/>, so the run can say so instead of keeping silent.
/// </summary>
public sealed class CommitteeDigests
{
    private static readonly Comparer<MissingAgency> ById = Comparer<MissingAgency>.Create((a, b) => string.CompareOrdinal(a.AgencyId, b.AgencyId));
    private readonly Dictionary<string, Digest> byJurisdiction;
    private readonly ConcurrentDictionary<string, string> currentPaths = new(StringComparer.Ordinal);
    private readonly UnitCatalogue units;
    private readonly DateOnly date;

    public CommitteeDigests(IEnumerable<WebhookSubscription> committees, UnitCatalogue units, DateOnly date)
    {
        this.units = units;
        this.date = date;
        var checkedCommittees = committees.Select(c => (Subscription: c, Check: units.Check(c.Owner, date))).ToList();
        Ended = checkedCommittees
            .Where(c => HasEnded(c.Check, date))
            .Select(c => new EndedCommittee(c.Subscription, c.Check, units.CurrentPath(c.Subscription.Owner, date)))
            .ToList();
        byJurisdiction = checkedCommittees
            .Where(c => !HasEnded(c.Check, date))
            .ToDictionary(c => c.Subscription.Owner, c => new Digest(c.Subscription), StringComparer.Ordinal);
    }

    /// <summary>Subscriptions of committees whose unit no longer exists on the run's date; their agencies count for <see cref="EndedCommittee.CarriedOnBy"/>.</summary>
    public IReadOnlyList<EndedCommittee> Ended { get; }

    /// <summary>The nearest committee above or at the agency's current unit that has a webhook: the agency's portal.</summary>
    public WebhookSubscription? PortalOf(string jurisdiction) =>
        ScopesOf(jurisdiction).Select(scope => byJurisdiction.GetValueOrDefault(scope)?.Subscription).FirstOrDefault(s => s is not null);

    public void Add(MissingAgency agency)
    {
        foreach (var scope in ScopesOf(agency.Jurisdiction))
        {
            if (!byJurisdiction.TryGetValue(scope, out var digest)) continue;
            digest.Count++;
            if (!digest.Listed.Add(agency)) continue;
            if (digest.Listed.Count > ReminderPageWorker.DigestListLimit) digest.Listed.Remove(digest.Listed.Max!);
        }
    }

    public IEnumerable<Digest> NonEmpty => byJurisdiction.Values.Where(d => d.Count > 0);

    private IEnumerable<string> ScopesOf(string jurisdiction) =>
        JurisdictionScopes.NearestFirst(currentPaths.GetOrAdd(jurisdiction, j => units.CurrentPath(j, date)));

    private static bool HasEnded(JurisdictionCheck check, DateOnly date) => check.Unit is { ValidTo: { } last } && last < date;

    public sealed class Digest(WebhookSubscription subscription)
    {
        public WebhookSubscription Subscription { get; } = subscription;
        public int Count { get; set; }
        internal SortedSet<MissingAgency> Listed { get; } = new(ById);
        public IReadOnlyList<MissingAgency> Agencies => Listed.ToList();
    }
}

/// <summary>A committee subscription whose unit has ended: why (<see cref="Check"/>), and the unit whose committee now receives its agencies' digests.</summary>
public sealed record EndedCommittee(WebhookSubscription Subscription, JurisdictionCheck Check, string CarriedOnBy);
