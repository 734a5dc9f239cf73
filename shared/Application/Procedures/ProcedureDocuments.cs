using CulturalServerless.Jurisdictions;

namespace CulturalServerless.Application.Procedures;

/// <summary>The JSON of Data/procedures.json and of a <c>Procedures__Path</c> file: procedures, steering committees by unit, and optionally province names.</summary>
internal sealed class ProcedureFile
{
    public List<ProcedureDocument>? Procedures { get; set; }

    public List<CommitteeDocument>? Committees { get; set; }

    public ProvinceFile? Provinces { get; set; }
}

/// <summary>
/// One configured procedure, placeholders unresolved. <see cref="Jurisdictions"/> names the units it
/// is for (a province "51", a commune "51.21211", a district of before 1/7/2025 "51.522"), each with
/// what lies under it; empty is the national default.
/// </summary>
internal sealed class ProcedureDocument
{
    public string? Id { get; set; }
    public List<string>? Jurisdictions { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public string? Source { get; set; }
    public BodyDocument? Body { get; set; }
    public string? SteeringCommittee { get; set; }
    public List<string>? LegalBases { get; set; }
    public int? FirstRecognitionAfterYears { get; set; }
    public int? ReRecognitionEveryYears { get; set; }
    public DeadlinesDocument? Deadlines { get; set; }
    public WordingDocument? Wording { get; set; }
    public List<string>? Defaults { get; set; }

    public bool Covers(DateOnly date) => ValidFrom <= date && (ValidUntil is null || date <= ValidUntil);

    /// <summary>
    /// How closely it fits <paramref name="jurisdiction"/>: the number of segments of the most
    /// specific unit it names that is or contains the jurisdiction (1 for a province), 0 for the
    /// national default, null when it is not for it.
    /// </summary>
    public int? Reach(string jurisdiction) =>
        Jurisdictions is not { Count: > 0 } ? 0 : ProcedureReach.Of(Jurisdictions, jurisdiction);
}

/// <summary>
/// The steering committee of the movement for one unit over a period, e.g. a ward's "Ban Chỉ đạo
/// phong trào … phường Cẩm Thành" from 1/7/2025. It names the committee for the unit and what lies
/// under it, whatever procedure applies there.
/// </summary>
internal sealed class CommitteeDocument
{
    public string? Unit { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public string? Source { get; set; }
    public string? SteeringCommittee { get; set; }

    public bool Covers(DateOnly date) => ValidFrom <= date && (ValidUntil is null || date <= ValidUntil);

    public int? Reach(string jurisdiction) => Unit is null ? null : ProcedureReach.Of([Unit], jurisdiction);
}

internal static class ProcedureReach
{
    /// <summary>The segments of the longest of <paramref name="units"/> that is <paramref name="jurisdiction"/> or lies above it; null when none does.</summary>
    public static int? Of(IEnumerable<string> units, string jurisdiction) =>
        units.Where(unit => JurisdictionCode.IsWithin(jurisdiction, unit))
            .Select(unit => (int?)unit.Split('.').Length)
            .Max();
}

internal sealed class BodyDocument
{
    public string? Name { get; set; }
    public string? ParentBody { get; set; }
    public string? Symbol { get; set; }
    public string? Authority { get; set; }
    public string? AuthorityInText { get; set; }
    public string? SignerTitle { get; set; }
    public string? AuthorityPrefix { get; set; }
    public string? Place { get; set; }
}

internal sealed class DeadlinesDocument
{
    /// <summary>"MM-dd" of the assessed year.</summary>
    public string? Submission { get; set; }
    public int? AppraisalDays { get; set; }
    public int? ExplanationAnswerDays { get; set; }
}

internal sealed class WordingDocument
{
    public string? Title { get; set; }
    public List<string>? Articles { get; set; }
    public List<string>? Recipients { get; set; }
    public string? AnnexTitle { get; set; }
    public string? FirstRecognition { get; set; }
    public string? ReRecognition { get; set; }
}

/// <summary>Province names by code, in lists each valid for a period (a code means nothing without its date).</summary>
internal sealed class ProvinceFile
{
    public List<ProvinceList>? Lists { get; set; }

    /// <summary>Place names that are not the name without "tỉnh"/"thành phố" (code → place).</summary>
    public Dictionary<string, string>? Places { get; set; }
}

internal sealed class ProvinceList
{
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }

    /// <summary>Code → name with its kind, "tỉnh Quảng Ngãi" or "thành phố Hà Nội".</summary>
    public Dictionary<string, string>? Units { get; set; }
}
