using CulturalServerless.Application.Caching;
using CulturalServerless.Calendar;
using CulturalServerless.Jurisdictions;

namespace CulturalServerless.Application.Jurisdictions;

/// <summary>
/// The catalogue of administrative units as the app knows it now: the shipped provinces and
/// successions plus the districts and communes an admin imported and the successions admins sent
/// with reorganisations (each replacing a shipped one from the same unit on the same date). The one
/// look-up other features call to ask which unit a code names on a date, whether a path may be used
/// then, and which unit carries on an ended one. An instance keeps what it read for
/// <see cref="ReadCacheOptions"/>; an import or successions recorded through it count at once.
/// </summary>
public sealed class JurisdictionCatalogue(IAdministrativeUnitStore store, ReadCacheOptions caching, TimeProvider clock)
{
    private readonly ExpiringCache<string, UnitCatalogue> cached = new(caching.Lifetime, clock, capacity: 1);
    private const string Key = "catalogue";

    public async Task<UnitCatalogue> GetAsync(CancellationToken cancellationToken)
    {
        if (cached.TryGet(Key, out var known)) return known;
        var generation = cached.Generation;
        var imported = await store.ListImportedAsync(cancellationToken);
        var sent = await store.ListSentSuccessionsAsync(cancellationToken);
        var replaced = sent.Select(s => (s.From, s.On)).ToHashSet();
        var successions = ShippedUnits.Successions.Where(s => !replaced.Contains((s.From, s.On))).Concat(sent);
        var catalogue = new UnitCatalogue(ShippedUnits.Provinces.Concat(imported), successions);
        cached.Set(Key, catalogue, readAfter: generation);
        return catalogue;
    }

    /// <summary>The unit <paramref name="code"/> names on <paramref name="date"/>; null when none.</summary>
    public async Task<AdministrativeUnit?> FindAsync(string code, DateOnly date, CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).Find(code, date);

    /// <summary>Whether <paramref name="path"/> may be used on <paramref name="date"/>, and if not, which unit ended and what took its place.</summary>
    public async Task<JurisdictionCheck> CheckAsync(string path, DateOnly date, CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).Check(path, date);

    /// <summary>The unit that carries on <paramref name="code"/> today (itself while valid).</summary>
    public async Task<AdministrativeUnit?> CurrentSuccessorAsync(string code, CancellationToken cancellationToken) =>
        (await GetAsync(cancellationToken)).CurrentSuccessor(code, VietnamCalendar.Today(clock));

    /// <summary>
    /// Records successions of date <paramref name="on"/> that an admin sent with a reorganisation,
    /// so that the catalogue carries them from now on: where an ended unit went, and what a path
    /// under it has become.
    /// </summary>
    public async Task RecordSentAsync(DateOnly on, IReadOnlyList<Succession> successions, CancellationToken cancellationToken)
    {
        await store.AddSentSuccessionsAsync(on, successions, cancellationToken);
        Forget();
    }

    internal void Forget() => cached.Remove(Key);
}
