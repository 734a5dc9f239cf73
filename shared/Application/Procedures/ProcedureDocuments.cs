namespace CulturalServerless.Application.Procedures;

/// <summary>The JSON of Data/procedures.json and of a <c>Procedures__Path</c> file: procedures, and optionally province names.</summary>
internal sealed class ProcedureFile
{
    public List<ProcedureDocument>? Procedures { get; set; }

    public ProvinceFile? Provinces { get; set; }
}

/// <summary>One configured procedure, placeholders unresolved. Empty <see cref="Jurisdictions"/> is the national default.</summary>
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

    public bool IsFor(string province) => Jurisdictions is not { Count: > 0 } || Jurisdictions.Contains(province, StringComparer.Ordinal);
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
