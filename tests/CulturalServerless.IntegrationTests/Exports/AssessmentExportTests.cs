using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CulturalServerless.IntegrationTests.Exports;

/// <summary>
/// The committee's export against the emulators: the XLSX opened with the Open XML SDK that wrote
/// it, the CSV read back as a spreadsheet would, and both scoped and filtered as the list is.
/// </summary>
public sealed class AssessmentExportTests(AppServices app) : IClassFixture<AppServices>
{
    private readonly ApiClient api = new(app);
    private readonly ExportCalls exports = new(app);

    private const string FormulaName = "=HYPERLINK(\"http://evil.example\",\"Bấm vào\")";

    /// <summary>A province of its own with three submitted agencies (one named like a formula), one agency with only a draft, and one elsewhere.</summary>
    private async Task<(string Province, string[] Submitted, string DraftOnly, string Elsewhere)> SeedAsync()
    {
        var province = "51.p" + Guid.NewGuid().ToString("N")[..6]; // a unit under a province of the catalogue, never imported
        var names = new[] { "Văn phòng UBND tỉnh Quảng Ngãi", "Sở Văn hóa, Thể thao và Du lịch \"Quảng Ngãi\"", FormulaName };
        var submitted = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            submitted[i] = await api.RegisterAgencyAsync($"{province}.{i + 1}", name: names[i]);
            var body = ApiClient.Sample("assessment-2022.json");
            body["criteria"]!["1.5"]!["indicators"]!["initiativesApplied"] = i;
            Assert.Equal(201, (await api.SubmitAsync(submitted[i], body)).Status);
        }
        var draftOnly = await api.RegisterAgencyAsync($"{province}.1", name: "Trường Đại học Phạm Văn Đồng");
        await api.SaveDraftAsync(draftOnly);
        var elsewhere = await api.RegisterAgencyAsync(province + "x", name: "Ủy ban nhân dân xã Nghĩa Hà");
        Assert.Equal(201, (await api.SubmitAsync(elsewhere, ApiClient.Sample("assessment-2022.json"))).Status);
        return (province, submitted, draftOnly, elsewhere);
    }

    [Fact]
    public async Task The_xlsx_has_a_row_per_submitted_agency_with_number_cells_a_frozen_header_and_a_sheet_of_criterion_scores()
    {
        var (province, submitted, _, _) = await SeedAsync();

        var response = await exports.ExportAsync(await api.CommitteeTokenAsync(province), $"year=2022&jurisdiction={province}&format=xlsx");

        Assert.Equal(200, response.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.ContentType);
        Assert.Contains($"tu-danh-gia-2022-{province}.xlsx", response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        using var document = SpreadsheetDocument.Open(new MemoryStream(response.Body), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Tự đánh giá", "Điểm theo tiêu chí"], sheets.Select(s => s.Name!.Value));

        var summary = Rows(workbook, sheets[0]);
        Assert.Equal("Tên cơ quan", Text(summary[0][1]));
        Assert.Equal("Điểm hệ thống tính", Text(summary[0][7]));
        Assert.Equal(4, summary.Count); // the header and three agencies; not the draft, not the other province
        var byId = summary.Skip(1).ToDictionary(r => Text(r[0]));
        Assert.Equal(submitted.Order(), byId.Keys.Order());
        var formula = byId[submitted[2]];
        Assert.Equal(FormulaName, Text(formula[1])); // an inline string: a spreadsheet shows it, it does not evaluate it
        Assert.Null(formula[1]!.CellFormula);
        Assert.Equal($"{province}.3", Text(formula[2]));
        Assert.Equal("2022", formula[3]!.CellValue!.Text);
        Assert.Null(formula[3]!.DataType); // a number cell
        foreach (var row in byId.Values)
        {
            Assert.Null(row[7]!.DataType);
            Assert.Null(row[9]); // no appraisal yet: the cell is empty
            Assert.InRange(decimal.Parse(row[7]!.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), 0m, 100m);
            Assert.Matches(@"^\d+/BC-VP$", Text(row[11]));
            Assert.EndsWith($"/agencies/{Text(row[0])}/assessments/2022/report", Text(row[12]), StringComparison.Ordinal);
        }
        var latest = await api.GetLatestAsync(submitted[0]);
        Assert.Equal((decimal)latest.Json["computedTotal"]!,
            decimal.Parse(byId[submitted[0]][7]!.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        // The rows go highest computed total first, as the list does.
        var totals = summary.Skip(1).Select(r => decimal.Parse(r[7]!.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(totals.OrderDescending(), totals);

        var worksheet = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet;
        var pane = worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        var widths = worksheet.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal(13, widths.Count);
        Assert.True(widths[1] >= "Sở Văn hóa, Thể thao và Du lịch \"Quảng Ngãi\"".Length, $"the name column is {widths[1]} wide");

        var criteria = Rows(workbook, sheets[1]);
        Assert.Equal(1 + 3 * submitted.Length, criteria.Count); // three criteria per agency
        var ofFirst = criteria.Skip(1).Where(r => Text(r[0]) == submitted[0]).ToList();
        Assert.Equal(["1", "2", "3"], ofFirst.Select(r => Text(r[5])));
        var scored = latest.Json["results"]!["criteria"]!.AsArray();
        Assert.Equal(scored.Select(c => (decimal)c!["points"]!),
            ofFirst.Select(r => decimal.Parse(r[8]!.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_csv_has_a_bom_rfc_4180_quoting_and_a_formula_that_comes_back_as_text()
    {
        var (province, submitted, draftOnly, elsewhere) = await SeedAsync();

        var response = await exports.ExportAsync(await api.CommitteeTokenAsync(province), $"year=2022&jurisdiction={province}&format=csv");

        Assert.Equal(200, response.Status);
        Assert.Equal("text/csv; charset=utf-8", response.ContentType);
        Assert.Equal([0xEF, 0xBB, 0xBF], response.Body[..3]);
        var records = CsvRecords.Parse(Encoding.UTF8.GetString(response.Body.AsSpan(3)));
        Assert.Equal("Mã cơ quan", records[0][0]);
        Assert.Equal(4, records.Count);
        var byId = records.Skip(1).ToDictionary(r => r[0]);
        Assert.DoesNotContain(draftOnly, byId.Keys);
        Assert.DoesNotContain(elsewhere, byId.Keys);
        Assert.Equal("'" + FormulaName, byId[submitted[2]][1]);
        Assert.Equal("Sở Văn hóa, Thể thao và Du lịch \"Quảng Ngãi\"", byId[submitted[1]][1]);
        Assert.Equal("Văn phòng UBND tỉnh Quảng Ngãi", byId[submitted[0]][1]);
        Assert.All(byId.Values, r => Assert.Equal(13, r.Count));
        Assert.All(byId.Values, r => Assert.Equal("", r[9])); // no appraisal yet: the column is there, empty
    }

    [Fact]
    public async Task A_committee_exports_only_its_own_province_and_a_portal_may_not_export()
    {
        var (province, _, _, elsewhere) = await SeedAsync();

        var other = await exports.ExportAsync(await api.CommitteeTokenAsync(province + "x"), "year=2022&format=csv");
        var records = CsvRecords.Parse(Encoding.UTF8.GetString(other.Body.AsSpan(3)));
        Assert.Equal([elsewhere], records.Skip(1).Select(r => r[0]));

        Assert.Equal(403, (await exports.ExportAsync(await api.CommitteeTokenAsync(province + "x"), $"year=2022&jurisdiction={province}")).Status);
        Assert.Equal(403, (await exports.ExportAsync(await api.PortalTokenAsync(elsewhere), "year=2022")).Status);
        Assert.Equal(401, (await exports.ExportAsync(null, "year=2022")).Status);
    }

    [Fact]
    public async Task Bad_parameters_are_one_400_problem_naming_each()
    {
        var response = await exports.ExportAsync(TestTokens.Admin, "format=pdf&status=approved&jurisdiction=x..y");

        Assert.Equal(400, response.Status);
        var paths = response.Problem["errors"]!.AsArray().Select(e => (string)e!["path"]!).ToList();
        Assert.Equal(["$.query.format", "$.query.jurisdiction", "$.query.status", "$.query.year"], paths.Order(StringComparer.Ordinal));
    }

    /// <summary>Each row's cells by column (an empty cell is not written: null here), as the references place them.</summary>
    private static List<Cell?[]> Rows(WorkbookPart workbook, Sheet sheet) =>
        [.. ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().Select(r =>
        {
            var cells = new Cell?[20];
            foreach (var cell in r.Elements<Cell>())
            {
                var letters = new string(cell.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());
                cells[letters.Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1)) - 1] = cell;
            }
            return cells;
        })];

    private static string Text(Cell? cell) =>
        cell is null ? "" : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
}
