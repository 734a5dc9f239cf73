using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CulturalServerless.Validation;

namespace CulturalServerless.Jurisdictions;

/// <summary>
/// Reads an admin's CSV of districts and communes (<c>code,name,level,parent,valid from,valid to</c>,
/// a header line first, RFC 4180 quoting) and checks every row against the catalogue and the rest
/// of the file. Every bad row is reported with its line number; one bad row refuses the whole file.
/// A row's code is its own segment and <c>parent</c> the parent's jurisdiction path, so the unit's
/// path is <c>{parent}.{code}</c>; dates are <c>yyyy-MM-dd</c>, empty for an open end.
/// </summary>
public static partial class UnitCsv
{
    public const int MaxRows = 50_000;
    public const int MaxNameLength = 200;
    public static readonly string[] Columns = ["code", "name", "level", "parent", "valid from", "valid to"];

    public sealed record Result(IReadOnlyList<AdministrativeUnit> Units, ValidationResult Validation);

    public static Result Parse(string text, UnitCatalogue catalogue)
    {
        var problems = new ValidationProblemList();
        var lines = Records(text).ToList();
        if (lines.Count == 0 || !IsHeader(lines[0].Fields))
        {
            problems.Add("$.line[1]", "csv-header", $"Dòng 1 phải là tiêu đề: {string.Join(",", Columns)}.",
                $"Line 1 must be the header: {string.Join(",", Columns)}.");
            return new Result([], problems.ToResult());
        }
        if (lines.Count - 1 > MaxRows)
        {
            problems.Add("$", "too-many-rows", $"Tối đa {MaxRows} dòng mỗi lần nhập.", $"At most {MaxRows} rows per import.");
            return new Result([], problems.ToResult());
        }
        var rows = new List<(int Line, AdministrativeUnit Unit)>();
        foreach (var (line, fields) in lines.Skip(1))
        {
            if (fields is [""]) continue; // a blank line
            if (ReadRow(problems, line, fields) is { } unit) rows.Add((line, unit));
        }
        var inFile = new UnitCatalogue(rows.Select(r => r.Unit), []);
        foreach (var (line, unit) in rows)
        {
            CheckParent(problems, line, unit, catalogue, inFile);
            CheckOverlaps(problems, line, unit, rows, catalogue);
        }
        return problems.Count == 0
            ? new Result(rows.Select(r => r.Unit).ToList(), ValidationResult.Valid)
            : new Result([], new ValidationResult(problems.ToResult().Problems.OrderBy(LineOf).ToList())); // in file order
    }

    private static int LineOf(ValidationProblem problem)
    {
        var (open, close) = (problem.Path.IndexOf('['), problem.Path.IndexOf(']'));
        return open >= 0 && close > open && int.TryParse(problem.Path.AsSpan()[(open + 1)..close], CultureInfo.InvariantCulture, out var line) ? line : 0;
    }

    private static AdministrativeUnit? ReadRow(ValidationProblemList problems, int line, string[] fields)
    {
        var at = $"$.line[{line}]";
        if (fields.Length != Columns.Length)
        {
            problems.Add(at, "csv-columns", $"Dòng {line}: cần {Columns.Length} cột, có {fields.Length}.",
                $"Line {line}: {Columns.Length} columns expected, {fields.Length} found.");
            return null;
        }
        var before = problems.Count;
        var (code, name, level, parent, from, to) = (fields[0].Trim(), fields[1].Trim(), fields[2].Trim(), fields[3].Trim(), fields[4].Trim(), fields[5].Trim());
        if (!Segment().IsMatch(code))
        {
            problems.Add(at + ".code", "invalid-code", $"Dòng {line}: mã '{code}' không hợp lệ (chữ, số, gạch ngang; không có dấu chấm).",
                $"Line {line}: code '{code}' is invalid (letters, digits, hyphens; no dots).");
        }
        if (name.Length is 0 or > MaxNameLength)
        {
            problems.Add(at + ".name", "invalid-name", $"Dòng {line}: cần tên, tối đa {MaxNameLength} ký tự.",
                $"Line {line}: a name of at most {MaxNameLength} characters is required.");
        }
        UnitLevel? parsedLevel = level.ToLowerInvariant() switch { "district" => UnitLevel.District, "commune" => UnitLevel.Commune, _ => null };
        if (parsedLevel is null)
        {
            problems.Add(at + ".level", "invalid-level", $"Dòng {line}: cấp '{level}' phải là district hoặc commune (tỉnh có sẵn trong hệ thống).",
                $"Line {line}: level '{level}' must be district or commune (provinces ship with the system).");
        }
        if (!JurisdictionCode.IsValid(parent))
        {
            problems.Add(at + ".parent", "invalid-parent", $"Dòng {line}: mã đơn vị cấp trên '{parent}' không hợp lệ.",
                $"Line {line}: parent code '{parent}' is invalid.");
        }
        var validFrom = ReadDate(problems, line, at + ".validFrom", from);
        var validTo = ReadDate(problems, line, at + ".validTo", to);
        if (validFrom is { } start && validTo is { } end && end < start)
        {
            problems.Add(at + ".validTo", "invalid-period", $"Dòng {line}: ngày hết hiệu lực trước ngày có hiệu lực.",
                $"Line {line}: valid to is before valid from.");
        }
        if (problems.Count > before) return null;
        return new AdministrativeUnit
        {
            Code = parent + "." + code, Name = name.Normalize(NormalizationForm.FormC), Level = parsedLevel!.Value, Parent = parent,
            ValidFrom = validFrom, ValidTo = validTo, Source = "import",
        };
    }

    private static DateOnly? ReadDate(ValidationProblemList problems, int line, string path, string text)
    {
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems.Add(path, "invalid-date", $"Dòng {line}: ngày '{text}' phải có dạng yyyy-MM-dd.", $"Line {line}: date '{text}' must be yyyy-MM-dd.");
        return null;
    }

    private static void CheckParent(ValidationProblemList problems, int line, AdministrativeUnit unit, UnitCatalogue catalogue, UnitCatalogue inFile)
    {
        var candidates = catalogue.Versions(unit.Parent!).Concat(inFile.Versions(unit.Parent!)).ToList();
        var at = $"$.line[{line}].parent";
        if (candidates.Count == 0)
        {
            problems.Add(at, "unknown-parent", $"Dòng {line}: không có đơn vị cấp trên '{unit.Parent}'.", $"Line {line}: there is no parent unit '{unit.Parent}'.");
            return;
        }
        var covering = candidates.FirstOrDefault(p => Covers(p, unit));
        if (covering is null)
        {
            problems.Add(at, "parent-not-valid", $"Dòng {line}: đơn vị cấp trên '{unit.Parent}' không có hiệu lực suốt thời gian của đơn vị này.",
                $"Line {line}: parent '{unit.Parent}' is not valid for the whole period of this unit.");
            return;
        }
        var allowed = unit.Level == UnitLevel.District ? covering.Level == UnitLevel.Province : covering.Level != UnitLevel.Commune;
        if (!allowed)
        {
            problems.Add(at, "parent-level", $"Dòng {line}: huyện thuộc tỉnh; xã thuộc tỉnh hoặc huyện.",
                $"Line {line}: a district lies in a province; a commune in a province or a district.");
        }
    }

    private static void CheckOverlaps(ValidationProblemList problems, int line, AdministrativeUnit unit, List<(int Line, AdministrativeUnit Unit)> rows, UnitCatalogue catalogue)
    {
        var twin = rows.FirstOrDefault(r => r.Line < line && r.Unit.Code == unit.Code && r.Unit.Overlaps(unit));
        if (twin.Unit is not null)
        {
            problems.Add($"$.line[{line}].code", "duplicate-unit", $"Dòng {line}: mã {unit.Code} trùng thời gian với dòng {twin.Line}.",
                $"Line {line}: code {unit.Code} overlaps in time with line {twin.Line}.");
        }
        // A unit imported before with the same code and start is replaced by this row; any other overlap is a contradiction.
        if (catalogue.Versions(unit.Code).Any(u => u.Overlaps(unit) && (u.Source != "import" || u.ValidFrom != unit.ValidFrom)))
        {
            problems.Add($"$.line[{line}].code", "overlaps-catalogue", $"Dòng {line}: mã {unit.Code} trùng thời gian với một đơn vị đã có.",
                $"Line {line}: code {unit.Code} overlaps in time with a unit already in the catalogue.");
        }
    }

    private static bool Covers(AdministrativeUnit parent, AdministrativeUnit unit) =>
        (parent.ValidFrom is null || (unit.ValidFrom is { } from && parent.ValidFrom <= from))
        && (parent.ValidTo is null || (unit.ValidTo is { } to && to <= parent.ValidTo));

    private static bool IsHeader(string[] fields) =>
        fields.Length == Columns.Length
        && fields.Select(f => f.Trim().Replace("_", " ").ToLowerInvariant()).Zip(Columns).All(p => p.First == p.Second || p.First.Replace(" ", "") == p.Second.Replace(" ", ""));

    /// <summary>Records with the line each starts on; quoted fields may hold commas, quotes ("") and line breaks.</summary>
    internal static IEnumerable<(int Line, string[] Fields)> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            any = true;
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    yield return (start, fields.ToArray());
                    fields.Clear(); any = false; line++; start = line;
                    break;
                default: field.Append(c); break;
            }
        }
        if (any)
        {
            fields.Add(field.ToString());
            yield return (start, fields.ToArray());
        }
    }

    [GeneratedRegex("\\A[0-9A-Za-z-]{1,20}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
