using System.Globalization;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Problems;
using CulturalServerless.Calendar;
using CulturalServerless.Jurisdictions;
using CulturalServerless.Validation;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Jurisdictions;

/// <summary>
/// The catalogue over HTTP: units valid on a date (any signed-in client), one unit with where it
/// came from and where it went, and the admin's import of districts and communes.
/// </summary>
public sealed partial class JurisdictionService(
    JurisdictionCatalogue catalogue, IAdministrativeUnitStore store, TimeProvider clock, ILogger<JurisdictionService> logger)
{
    public async Task<IReadOnlyList<AdministrativeUnit>> ListAsync(
        Caller caller, string? dateText, string? levelText, string? parent, CancellationToken cancellationToken)
    {
        RequireReader(caller);
        var problems = new ValidationProblemList();
        var date = Date(problems, dateText);
        var level = Level(problems, levelText);
        if (parent is not null && !JurisdictionCode.IsValid(parent))
        {
            problems.Add("$.query.parent", "invalid-jurisdiction", "Mã đơn vị cấp trên không hợp lệ (ví dụ: 51).", "Invalid parent code (e.g. 51).");
        }
        ThrowIfAny(problems);
        return (await catalogue.GetAsync(cancellationToken)).List(date, level, parent);
    }

    public async Task<UnitView> GetAsync(Caller caller, string code, string? dateText, CancellationToken cancellationToken)
    {
        RequireReader(caller);
        if (!JurisdictionCode.IsValid(code))
        {
            throw ApiProblemException.InvalidRoute("code", "Mã đơn vị hành chính không hợp lệ (ví dụ: 51 hoặc 51.522).", "Invalid unit code (e.g. 51 or 51.522).");
        }
        var problems = new ValidationProblemList();
        var date = Date(problems, dateText);
        ThrowIfAny(problems);
        var units = await catalogue.GetAsync(cancellationToken);
        var unit = units.Find(code, date)
            ?? throw ApiProblemException.NotFound($"Không có đơn vị hành chính mã {code} vào ngày {JurisdictionCheck.Date(date)}.");
        return new UnitView(unit.Code, unit.Name, unit.Level, unit.Parent, unit.ValidFrom, unit.ValidTo, unit.Source,
            units.SuccessionsInto(unit).Select(s => Link(units, s.From, s.On.AddDays(-1), s)).ToList(),
            units.SuccessionsFrom(unit).Select(s => Link(units, s.To, s.On, s)).ToList());
    }

    /// <summary>
    /// Imports districts and communes from CSV: every row checked first and every bad row named
    /// with its line; one bad row and nothing is written. Rows are stored per province, each in
    /// one write that merges them with what was imported before (a row with the same code and
    /// start replaces the earlier one), so a retry of the same file after an outage completes it
    /// and gives the same result.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Caller caller, string csv, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "nhập danh mục đơn vị hành chính", Roles.Admin);
        var current = await catalogue.GetAsync(cancellationToken);
        var parsed = UnitCsv.Parse(csv, current);
        if (!parsed.Validation.IsValid)
        {
            throw new ApiProblemException(ProblemType.Validation,
                $"Tệp CSV có {parsed.Validation.Problems.Count} lỗi; không dòng nào được nhập (see errors).", parsed.Validation.Problems);
        }
        var imported = await store.ListImportedAsync(cancellationToken);
        foreach (var province in parsed.Units.GroupBy(u => AdministrativeUnit.ProvinceOf(u.Code)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var incoming = province.ToList();
            var kept = imported.Where(u => AdministrativeUnit.ProvinceOf(u.Code) == province.Key
                && !incoming.Any(n => n.Code == u.Code && n.ValidFrom == u.ValidFrom));
            var merged = kept.Concat(incoming).OrderBy(u => u.Code, StringComparer.Ordinal).ThenBy(u => u.ValidFrom ?? DateOnly.MinValue).ToList();
            await store.SaveProvinceAsync(province.Key, merged, cancellationToken);
        }
        catalogue.Forget();
        LogImported(parsed.Units.Count, caller.Subject);
        return new ImportResult(parsed.Units.Count,
            parsed.Units.GroupBy(u => u.Level).ToDictionary(g => g.Key.ToString().ToLowerInvariant(), g => g.Count()));
    }

    private static UnitLink Link(UnitCatalogue units, string code, DateOnly on, Succession succession) =>
        new(code, units.Find(code, on)?.Name, succession.On, succession.Source);

    private DateOnly Date(ValidationProblemList problems, string? text)
    {
        if (text is null) return VietnamCalendar.Today(clock);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems.Add("$.query.date", "invalid-date", $"date phải có dạng yyyy-MM-dd; đã nhận '{text}'.", $"date must be yyyy-MM-dd; got '{text}'.");
        return default;
    }

    private static UnitLevel? Level(ValidationProblemList problems, string? text)
    {
        if (text is null) return null;
        if (Enum.TryParse<UnitLevel>(text, ignoreCase: true, out var level) && !int.TryParse(text, out _)) return level;
        problems.Add("$.query.level", "invalid-level", "level phải là province, district hoặc commune.", "level must be province, district or commune.");
        return null;
    }

    private static void RequireReader(Caller caller) =>
        AccessRules.RequireRole(caller, "xem danh mục đơn vị hành chính", Roles.Admin, Roles.Reviewer, Roles.Submitter);

    private static void ThrowIfAny(ValidationProblemList problems)
    {
        if (problems.Count > 0) throw new ApiProblemException(ProblemType.InvalidParameter, "Tham số truy vấn không hợp lệ.", problems.ToResult().Problems);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Count} administrative units, by {Subject}")]
    private partial void LogImported(int count, string subject);
}

/// <summary>A unit with the units it came from (<see cref="Predecessors"/>) and went into (<see cref="Successors"/>).</summary>
public sealed record UnitView(
    string Code, string Name, UnitLevel Level, string? Parent, DateOnly? ValidFrom, DateOnly? ValidTo, string? Source,
    IReadOnlyList<UnitLink> Predecessors, IReadOnlyList<UnitLink> Successors);

/// <summary>Another unit of a succession: its code, its name then, and the day the successor began.</summary>
public sealed record UnitLink(string Code, string? Name, DateOnly On, string? Source);

/// <summary>What an import stored: how many units, by level.</summary>
public sealed record ImportResult(int Imported, IReadOnlyDictionary<string, int> ByLevel);
