using System.Globalization;
using System.Text.Json;
using CulturalServerless.Jurisdictions;
using CulturalServerless.Serialization;

namespace CulturalServerless.Application.Procedures;

/// <summary>
/// The configured procedures and steering committees (Data/procedures.json, embedded, plus a
/// <c>Procedures__Path</c> file), checked once when loaded. For a jurisdiction and date it picks,
/// among the procedures in force then, the one naming the most specific unit that is or contains
/// the jurisdiction (a commune over its province over the national default), then one from the
/// settings' file over a shipped one, then the latest to take effect; the steering committee is
/// the most specific committee entry in force for it, unless the procedure names a more specific
/// unit; and it fills in the province's name.
/// </summary>
public sealed class RecognitionProcedureCatalog : IRecognitionProcedures
{
    private const string ShippedProcedures = "procedures/procedures.json";
    private const string ShippedProvinces = "procedures/provinces.json";
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly Lazy<RecognitionProcedureCatalog> ShippedCatalog = new(() => Load(null));

    // Overrides first: the order is the preference between procedures (and committees) of equal reach.
    private readonly IReadOnlyList<(ProcedureDocument Document, int Rank)> _procedures;
    private readonly IReadOnlyList<(CommitteeDocument Document, int Rank)> _committees;
    private readonly ProvinceNames _provinces;

    private RecognitionProcedureCatalog(
        IReadOnlyList<(ProcedureDocument, int)> procedures, IReadOnlyList<(CommitteeDocument, int)> committees, ProvinceNames provinces)
    {
        _procedures = procedures;
        _committees = committees;
        _provinces = provinces;
    }

    /// <summary>The shipped procedures alone.</summary>
    public static RecognitionProcedureCatalog Shipped => ShippedCatalog.Value;

    /// <summary>The shipped procedures, and those of <paramref name="overridePath"/> when given.</summary>
    /// <exception cref="InvalidProcedureException">A file is unreadable or a procedure misses a part.</exception>
    public static RecognitionProcedureCatalog Load(string? overridePath)
    {
        var shippedProvinces = Read(ShippedProvinces, OpenResource(ShippedProvinces), [], provincesOnly: true).Provinces!;
        var shipped = Read(ShippedProcedures, OpenResource(ShippedProcedures), shippedProvinces.Lists!);
        var procedures = new List<(ProcedureDocument, int)>();
        var committees = new List<(CommitteeDocument, int)>();
        var lists = new List<ProvinceList>();
        var places = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            ProcedureFile file;
            try
            {
                file = Read(overridePath, File.OpenRead(overridePath), shippedProvinces.Lists!);
            }
            catch (IOException exception)
            {
                throw new InvalidProcedureException(overridePath, [exception.Message]);
            }

            procedures.AddRange(file.Procedures!.Select(p => (p, 0)));
            committees.AddRange((file.Committees ?? []).Select(c => (c, 0)));
            lists.AddRange(file.Provinces?.Lists ?? []);
            foreach (var (code, place) in file.Provinces?.Places ?? [])
            {
                places[code] = place;
            }
        }

        procedures.AddRange(shipped.Procedures!.Select(p => (p, 1)));
        committees.AddRange((shipped.Committees ?? []).Select(c => (c, 1)));
        lists.AddRange(shippedProvinces.Lists!);
        foreach (var (code, place) in shippedProvinces.Places ?? [])
        {
            places.TryAdd(code, place);
        }

        return new RecognitionProcedureCatalog(procedures, committees, new ProvinceNames(lists, places));
    }

    public RecognitionProcedure For(string jurisdiction, DateOnly date)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jurisdiction);
        var province = ProvinceOf(jurisdiction);
        var name = _provinces.Name(province, date)
            ?? throw new ProcedureNotFoundException(jurisdiction, date, $"no province has the code '{province}' on that date.");
        var (document, _, reach) = _procedures
            .Select(p => (p.Document, p.Rank, Reach: p.Document.Covers(date) ? p.Document.Reach(jurisdiction) : null))
            .Where(p => p.Reach is not null)
            .OrderByDescending(p => p.Reach)
            .ThenBy(p => p.Rank)
            .ThenByDescending(p => p.Document.ValidFrom)
            .FirstOrDefault();
        if (document is null)
        {
            throw new ProcedureNotFoundException(jurisdiction, date, "no configured procedure is in force on that date.");
        }

        // A national procedure is the province's; one naming a unit is that unit's (its body numbers in its own register).
        var unit = reach is > 0 ? Prefix(jurisdiction, reach.Value) : province;
        var (committee, committeeUnit) = SteeringCommittee(jurisdiction, date) is { } entry && entry.Reach >= reach
            ? (entry.Document.SteeringCommittee!, Prefix(jurisdiction, entry.Reach))
            : (document.SteeringCommittee!, unit);
        var resolve = Resolver(name, _provinces.Place(province, name), committee);
        var body = document.Body!;
        var deadlines = document.Deadlines!;
        var (month, day) = MonthDay(deadlines.Submission!)!.Value;
        var wording = document.Wording!;
        return new RecognitionProcedure
        {
            Id = document.Id!,
            Jurisdiction = unit,
            ValidFrom = document.ValidFrom!.Value,
            ValidUntil = document.ValidUntil,
            Body = new RecognisingBody(
                resolve(body.Name), resolve(body.ParentBody), resolve(body.Symbol), resolve(body.Authority),
                resolve(body.AuthorityInText), resolve(body.SignerTitle), resolve(body.AuthorityPrefix), resolve(body.Place)),
            SteeringCommittee = resolve(committee),
            SteeringCommitteeUnit = committeeUnit,
            LegalBases = document.LegalBases!.Select(resolve).ToList(),
            FirstRecognitionAfterYears = document.FirstRecognitionAfterYears!.Value,
            ReRecognitionEveryYears = document.ReRecognitionEveryYears!.Value,
            Deadlines = new ProcedureDeadlines(month, day, deadlines.AppraisalDays!.Value, deadlines.ExplanationAnswerDays!.Value),
            Wording = new DecisionWording(
                resolve(wording.Title),
                wording.Articles!.Select(resolve).ToList(),
                wording.Recipients!.Select(resolve).ToList(),
                resolve(wording.AnnexTitle),
                resolve(wording.FirstRecognition),
                resolve(wording.ReRecognition)),
            Defaults = document.Defaults ?? [],
        };
    }

    /// <summary>The most specific committee entry in force on <paramref name="date"/> for the jurisdiction: a settings' file's over a shipped one, then the latest.</summary>
    private (CommitteeDocument Document, int Reach)? SteeringCommittee(string jurisdiction, DateOnly date) =>
        _committees
            .Select(c => (c.Document, c.Rank, Reach: c.Document.Covers(date) ? c.Document.Reach(jurisdiction) : null))
            .Where(c => c.Reach is not null)
            .OrderByDescending(c => c.Reach)
            .ThenBy(c => c.Rank)
            .ThenByDescending(c => c.Document.ValidFrom)
            .Select(c => ((CommitteeDocument, int)?)(c.Document, c.Reach!.Value))
            .FirstOrDefault();

    /// <summary>The first <paramref name="segments"/> segments of a dotted code: "51.21211" of "51.21211.3" for 2.</summary>
    private static string Prefix(string jurisdiction, int segments) => string.Join('.', jurisdiction.Split('.').Take(segments));

    /// <summary>The province code of a dotted jurisdiction code: "51" for "51.522".</summary>
    public static string ProvinceOf(string jurisdiction)
    {
        var dot = jurisdiction.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? jurisdiction : jurisdiction[..dot];
    }

    private static Func<string?, string> Resolver(string province, string place, string steeringCommittee)
    {
        var upper = province.ToUpper(Vietnamese);
        string Names(string? text) => (text ?? string.Empty)
            .Replace("{PROVINCE}", upper, StringComparison.Ordinal)
            .Replace("{province}", province, StringComparison.Ordinal)
            .Replace("{place}", place, StringComparison.Ordinal);
        var committee = Names(steeringCommittee);
        return text => Names(text).Replace("{steeringCommittee}", committee, StringComparison.Ordinal);
    }

    private static Stream OpenResource(string name) =>
        typeof(RecognitionProcedureCatalog).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The resource {name} is not embedded.");

    /// <summary>The file, checked whole: its shape, and that each unit it names lies in a province known on the day its entry starts (its own province lists or <paramref name="knownLists"/>).</summary>
    private static ProcedureFile Read(string source, Stream stream, IReadOnlyList<ProvinceList> knownLists, bool provincesOnly = false)
    {
        ProcedureFile? file;
        using (stream)
        {
            try
            {
                file = provincesOnly
                    ? new ProcedureFile { Provinces = JsonSerializer.Deserialize<ProvinceFile>(stream, JsonDefaults.Options) }
                    : JsonSerializer.Deserialize<ProcedureFile>(stream, JsonDefaults.Options);
            }
            catch (JsonException exception)
            {
                throw new InvalidProcedureException(source, [$"Not valid JSON for procedures: {exception.Message}"]);
            }
        }

        var problems = new List<string>();
        if (file is null)
        {
            problems.Add("The file is empty (null).");
        }
        else if (!provincesOnly)
        {
            if (file.Procedures is not { Count: > 0 })
            {
                problems.Add("$.procedures: at least one procedure is needed.");
            }

            for (var i = 0; i < (file.Procedures?.Count ?? 0); i++)
            {
                problems.AddRange(Check(file.Procedures![i], $"$.procedures[{i}]"));
            }

            for (var i = 0; i < (file.Committees?.Count ?? 0); i++)
            {
                problems.AddRange(Check(file.Committees![i], $"$.committees[{i}]"));
            }
        }

        if (file?.Provinces is { } provinces)
        {
            for (var i = 0; i < (provinces.Lists?.Count ?? 0); i++)
            {
                var list = provinces.Lists![i];
                if (list.ValidFrom is null || list.Units is null)
                {
                    problems.Add($"$.provinces.lists[{i}]: validFrom and units are required.");
                }
            }
        }

        if (file is not null && !provincesOnly)
        {
            var names = new ProvinceNames([.. (file.Provinces?.Lists ?? []).Where(l => l is { ValidFrom: not null, Units: not null }), .. knownLists], new Dictionary<string, string>());
            problems.AddRange(UnknownUnits(file, names));
        }

        return problems.Count > 0 ? throw new InvalidProcedureException(source, problems) : file!;
    }

    /// <summary>Each unit named whose code is malformed, or whose province has no name on the day its entry starts (62 after 30/6/2025).</summary>
    private static IEnumerable<string> UnknownUnits(ProcedureFile file, ProvinceNames names)
    {
        IEnumerable<(string Path, string? Unit, DateOnly? From)> named = [
            .. (file.Procedures ?? []).SelectMany((p, i) => (p?.Jurisdictions ?? []).Select((unit, j) => ($"$.procedures[{i}].jurisdictions[{j}]", (string?)unit, p!.ValidFrom))),
            .. (file.Committees ?? []).Select((c, i) => (Path: $"$.committees[{i}].unit", c?.Unit, c?.ValidFrom, Entry: c))
                .Where(c => c.Entry is not null).Select(c => (c.Path, c.Unit, c.ValidFrom)),
        ];
        foreach (var (path, unit, from) in named)
        {
            if (!JurisdictionCode.IsValid(unit))
            {
                yield return $"{path}: '{unit}' is not a jurisdiction code (e.g. 51 or 51.21211).";
            }
            else if (from is { } date && names.Name(ProvinceOf(unit!), date) is null)
            {
                yield return $"{path}: no province has the code '{ProvinceOf(unit!)}' on {date:yyyy-MM-dd}, when the entry starts.";
            }
        }
    }

    private static IEnumerable<string> Check(CommitteeDocument? c, string path)
    {
        if (c is null)
        {
            yield return $"{path}: null.";
            yield break;
        }

        if (c.ValidFrom is null)
        {
            yield return $"{path}: validFrom is missing or invalid.";
        }

        if (string.IsNullOrWhiteSpace(c.SteeringCommittee))
        {
            yield return $"{path}: steeringCommittee is missing or invalid.";
        }

        if (c.ValidFrom is { } from && c.ValidUntil is { } until && until < from)
        {
            yield return $"{path}: validUntil is before validFrom.";
        }
    }

    private static IEnumerable<string> Check(ProcedureDocument? p, string path)
    {
        if (p is null)
        {
            yield return $"{path}: null.";
            yield break;
        }

        var missing = new List<string>();
        void Need(bool present, string name)
        {
            if (!present)
            {
                missing.Add(name);
            }
        }

        Need(!string.IsNullOrWhiteSpace(p.Id), "id");
        Need(p.ValidFrom is not null, "validFrom");
        Need(p.Body is { Name.Length: > 0, Symbol.Length: > 0, Authority.Length: > 0, SignerTitle.Length: > 0, Place.Length: > 0 }, "body (name, symbol, authority, signerTitle, place)");
        Need(!string.IsNullOrWhiteSpace(p.SteeringCommittee), "steeringCommittee");
        Need(p.LegalBases is not null && p.LegalBases.All(line => !string.IsNullOrWhiteSpace(line)), "legalBases");
        Need(p.FirstRecognitionAfterYears is > 0, "firstRecognitionAfterYears (a positive number)");
        Need(p.ReRecognitionEveryYears is > 0, "reRecognitionEveryYears (a positive number)");
        Need(p.Deadlines is { AppraisalDays: >= 0, ExplanationAnswerDays: >= 0 } && MonthDay(p.Deadlines.Submission) is not null, "deadlines (submission \"MM-dd\", appraisalDays, explanationAnswerDays)");
        Need(p.Wording is { Title.Length: > 0, Articles.Count: > 0, AnnexTitle.Length: > 0, FirstRecognition.Length: > 0, ReRecognition.Length: > 0, Recipients: not null }, "wording (title, articles, recipients, annexTitle, firstRecognition, reRecognition)");
        foreach (var name in missing)
        {
            yield return $"{path}: {name} is missing or invalid.";
        }

        if (p.ValidFrom is { } from && p.ValidUntil is { } until && until < from)
        {
            yield return $"{path}: validUntil is before validFrom.";
        }
    }

    private static (int Month, int Day)? MonthDay(string? text) =>
        DateOnly.TryParseExact($"2024-{text}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date.Month, date.Day)
            : null;
}
