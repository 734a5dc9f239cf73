using System.Globalization;
using System.Text.Json;
using CulturalServerless.Serialization;

namespace CulturalServerless.Application.Procedures;

/// <summary>
/// The configured procedures (Data/procedures.json, embedded, plus a <c>Procedures__Path</c> file),
/// checked once when loaded. For a province and date it picks, among the procedures in force then,
/// one naming the province over a national default, one from the settings' file over a shipped one,
/// then the latest to take effect; and fills in the province's name.
/// </summary>
public sealed class RecognitionProcedureCatalog : IRecognitionProcedures
{
    private const string ShippedProcedures = "procedures/procedures.json";
    private const string ShippedProvinces = "procedures/provinces.json";
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly Lazy<RecognitionProcedureCatalog> ShippedCatalog = new(() => Load(null));

    // Overrides first: the order is the preference between procedures of equal reach.
    private readonly IReadOnlyList<(ProcedureDocument Document, int Rank)> _procedures;
    private readonly ProvinceNames _provinces;

    private RecognitionProcedureCatalog(IReadOnlyList<(ProcedureDocument, int)> procedures, ProvinceNames provinces)
    {
        _procedures = procedures;
        _provinces = provinces;
    }

    /// <summary>The shipped procedures alone.</summary>
    public static RecognitionProcedureCatalog Shipped => ShippedCatalog.Value;

    /// <summary>The shipped procedures, and those of <paramref name="overridePath"/> when given.</summary>
    /// <exception cref="InvalidProcedureException">A file is unreadable or a procedure misses a part.</exception>
    public static RecognitionProcedureCatalog Load(string? overridePath)
    {
        var shipped = Read(ShippedProcedures, OpenResource(ShippedProcedures));
        var shippedProvinces = Read(ShippedProvinces, OpenResource(ShippedProvinces), provincesOnly: true).Provinces!;
        var procedures = new List<(ProcedureDocument, int)>();
        var lists = new List<ProvinceList>();
        var places = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            ProcedureFile file;
            try
            {
                file = Read(overridePath, File.OpenRead(overridePath));
            }
            catch (IOException exception)
            {
                throw new InvalidProcedureException(overridePath, [exception.Message]);
            }

            procedures.AddRange(file.Procedures!.Select(p => (p, 0)));
            lists.AddRange(file.Provinces?.Lists ?? []);
            foreach (var (code, place) in file.Provinces?.Places ?? [])
            {
                places[code] = place;
            }
        }

        procedures.AddRange(shipped.Procedures!.Select(p => (p, 1)));
        lists.AddRange(shippedProvinces.Lists!);
        foreach (var (code, place) in shippedProvinces.Places ?? [])
        {
            places.TryAdd(code, place);
        }

        return new RecognitionProcedureCatalog(procedures, new ProvinceNames(lists, places));
    }

    public RecognitionProcedure For(string jurisdiction, DateOnly date)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jurisdiction);
        var province = ProvinceOf(jurisdiction);
        var name = _provinces.Name(province, date)
            ?? throw new ProcedureNotFoundException(jurisdiction, date, $"no province has the code '{province}' on that date.");
        var (document, _) = _procedures
            .Where(p => p.Document.Covers(date) && p.Document.IsFor(province))
            .OrderByDescending(p => p.Document.Jurisdictions is { Count: > 0 })
            .ThenBy(p => p.Rank)
            .ThenByDescending(p => p.Document.ValidFrom)
            .FirstOrDefault();
        if (document is null)
        {
            throw new ProcedureNotFoundException(jurisdiction, date, "no configured procedure is in force on that date.");
        }

        var resolve = Resolver(name, _provinces.Place(province, name));
        var body = document.Body!;
        var deadlines = document.Deadlines!;
        var (month, day) = MonthDay(deadlines.Submission!)!.Value;
        var wording = document.Wording!;
        return new RecognitionProcedure
        {
            Id = document.Id!,
            Jurisdiction = province,
            ValidFrom = document.ValidFrom!.Value,
            ValidUntil = document.ValidUntil,
            Body = new RecognisingBody(
                resolve(body.Name), resolve(body.ParentBody), resolve(body.Symbol), resolve(body.Authority),
                resolve(body.AuthorityInText), resolve(body.SignerTitle), resolve(body.AuthorityPrefix), resolve(body.Place)),
            SteeringCommittee = resolve(document.SteeringCommittee),
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

    /// <summary>The province code of a dotted jurisdiction code: "51" for "51.522".</summary>
    public static string ProvinceOf(string jurisdiction)
    {
        var dot = jurisdiction.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? jurisdiction : jurisdiction[..dot];
    }

    private static Func<string?, string> Resolver(string province, string place)
    {
        var upper = province.ToUpper(Vietnamese);
        return text => (text ?? string.Empty)
            .Replace("{PROVINCE}", upper, StringComparison.Ordinal)
            .Replace("{province}", province, StringComparison.Ordinal)
            .Replace("{place}", place, StringComparison.Ordinal);
    }

    private static Stream OpenResource(string name) =>
        typeof(RecognitionProcedureCatalog).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The resource {name} is not embedded.");

    private static ProcedureFile Read(string source, Stream stream, bool provincesOnly = false)
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

        return problems.Count > 0 ? throw new InvalidProcedureException(source, problems) : file!;
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
