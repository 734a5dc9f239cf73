namespace CulturalServerless.Jurisdictions;

/// <summary>The tiers of local government: province, district (until 30/6/2025) and commune.</summary>
public enum UnitLevel
{
    Province,
    District,
    Commune,
}

/// <summary>
/// An administrative unit for a period: <see cref="Code"/> is its jurisdiction path (<c>51</c>,
/// <c>51.522</c>, <c>51.21211</c>), unique among the units valid on any one date; the same code may
/// name another unit in another period (52 was Bình Định until 30/6/2025, Gia Lai since). An open
/// <see cref="ValidFrom"/> means the start is not recorded (the unit existed before any date we
/// ask about); an open <see cref="ValidTo"/> that it still exists.
/// </summary>
public sealed record AdministrativeUnit
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required UnitLevel Level { get; init; }
    public string? Parent { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }

    /// <summary>Where the unit comes from: a key of the shipped sources, or <c>import</c> for an admin's CSV.</summary>
    public string? Source { get; init; }

    public bool IsValidOn(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);

    /// <summary>True when the periods of the two share a day.</summary>
    public bool Overlaps(AdministrativeUnit other) =>
        (ValidFrom is null || other.ValidTo is null || ValidFrom <= other.ValidTo)
        && (other.ValidFrom is null || ValidTo is null || other.ValidFrom <= ValidTo);

    /// <summary>The province a code lies in: its first segment.</summary>
    public static string ProvinceOf(string code) => code.Split('.')[0];
}

/// <summary>
/// One unit replaced by another from a date (<see cref="On"/> is the successor's first day): a merge
/// (62 Kon Tum → 51 Quảng Ngãi on 1/7/2025), or a unit continued under a new extent with its own
/// code (52 Bình Định → 52 Gia Lai). <see cref="Source"/> is a key of the shipped sources, or
/// <see cref="SentWithReorganisation"/> for one an admin sent.
/// </summary>
public sealed record Succession(string From, string To, DateOnly On, string? Source = null)
{
    /// <summary>The source of a succession an admin sent with a reorganisation (<c>POST /api/jurisdictions/reorganisations</c>).</summary>
    public const string SentWithReorganisation = "reorganisation";
}
