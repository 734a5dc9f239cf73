namespace CulturalServerless.Jurisdictions;

/// <summary>
/// Administrative units with their periods and successions, answering what a code meant on a date:
/// the unit valid then, its predecessors and successors, and where an ended unit went.
/// </summary>
public sealed class UnitCatalogue
{
    private readonly Dictionary<string, List<AdministrativeUnit>> byCode;

    public UnitCatalogue(IEnumerable<AdministrativeUnit> units, IEnumerable<Succession> successions)
    {
        byCode = units.GroupBy(u => u.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.ValidFrom ?? DateOnly.MinValue).ToList(), StringComparer.Ordinal);
        Successions = successions.ToList();
    }

    public IReadOnlyList<Succession> Successions { get; }

    public IEnumerable<AdministrativeUnit> Units => byCode.Values.SelectMany(u => u);

    /// <summary>The unit <paramref name="code"/> names on <paramref name="date"/>, if any.</summary>
    public AdministrativeUnit? Find(string code, DateOnly date) =>
        byCode.TryGetValue(code, out var versions) ? versions.FirstOrDefault(u => u.IsValidOn(date)) : null;

    /// <summary>Every unit that has had this code, oldest first.</summary>
    public IReadOnlyList<AdministrativeUnit> Versions(string code) => byCode.TryGetValue(code, out var versions) ? versions : [];

    public bool Knows(string code) => byCode.ContainsKey(code);

    /// <summary>The units valid on a date, of a level and directly under a parent when given, by code.</summary>
    public IReadOnlyList<AdministrativeUnit> List(DateOnly date, UnitLevel? level = null, string? parent = null) =>
        Units.Where(u => u.IsValidOn(date) && (level is null || u.Level == level) && (parent is null || u.Parent == parent))
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToList();

    /// <summary>The successions that ended <paramref name="unit"/> (the day after its last day).</summary>
    public IReadOnlyList<Succession> SuccessionsFrom(AdministrativeUnit unit) =>
        unit.ValidTo is { } last ? Successions.Where(s => s.From == unit.Code && s.On == last.AddDays(1)).ToList() : [];

    /// <summary>The successions that started <paramref name="unit"/> (on its first day).</summary>
    public IReadOnlyList<Succession> SuccessionsInto(AdministrativeUnit unit) =>
        unit.ValidFrom is { } first ? Successions.Where(s => s.To == unit.Code && s.On == first).ToList() : [];

    /// <summary>
    /// Whether a jurisdiction path may be used on <paramref name="date"/>: each of its segments that
    /// the catalogue knows (<c>51</c>, then <c>51.522</c>, …) must be valid then; a province must be
    /// known; units below it not yet imported are taken on trust. The first problem found is the answer.
    /// </summary>
    public JurisdictionCheck Check(string path, DateOnly date)
    {
        var segments = path.Split('.');
        for (var i = 1; i <= segments.Length; i++)
        {
            var code = string.Join('.', segments[..i]);
            if (!Knows(code))
            {
                if (i == 1) return JurisdictionCheck.UnknownProvince(code);
                continue;
            }
            if (Find(code, date) is not null) continue;
            var ended = Versions(code).LastOrDefault(u => u.ValidTo is { } to && to < date);
            if (ended is null) return JurisdictionCheck.NotYet(Versions(code)[0]);
            var succession = SuccessionsFrom(ended).FirstOrDefault();
            var successor = succession is null ? null : Find(succession.To, succession.On);
            return JurisdictionCheck.Ended(ended, successor, succession?.On ?? ended.ValidTo!.Value.AddDays(1));
        }
        return JurisdictionCheck.Valid;
    }

    /// <summary>
    /// The jurisdiction path that carries on <paramref name="path"/> on <paramref name="date"/>: the
    /// path itself while it may be used; else its highest ended unit replaced by that unit's
    /// current successor (62.23302 → 51.23302, as a reorganisation moves agencies), or, when none
    /// carries it on, dropped with what lies under it (51.522.21001 → 51). Unknown provinces and
    /// units not yet valid are left as they are.
    /// </summary>
    public string CurrentPath(string path, DateOnly date)
    {
        for (var hops = 0; hops < 16; hops++)
        {
            var check = Check(path, date);
            if (check.IsValid || check.Unit is not { ValidTo: { } last } ended || last >= date) return path;
            if (CurrentSuccessor(ended.Code, date) is { } successor)
            {
                path = successor.Code + path[ended.Code.Length..];
            }
            else if (ended.Code.Contains('.'))
            {
                path = ended.Code[..ended.Code.LastIndexOf('.')];
            }
            else
            {
                return path;
            }
        }
        return path;
    }

    /// <summary>The unit that carries on <paramref name="code"/> on <paramref name="date"/>: itself while it is valid, else its successor's, followed to the end of the chain.</summary>
    public AdministrativeUnit? CurrentSuccessor(string code, DateOnly date)
    {
        for (var hops = 0; hops < 16; hops++)
        {
            if (Find(code, date) is { } valid) return valid;
            var ended = Versions(code).LastOrDefault(u => u.ValidTo is { } to && to < date);
            var next = ended is null ? null : SuccessionsFrom(ended).FirstOrDefault();
            if (next is null) return null;
            code = next.To;
        }
        return null;
    }
}
