using System.Security.Cryptography;
using Azure.Storage.Blobs;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Decisions;
using CulturalServerless.Application.Reports;
using CulturalServerless.Functions.Http.Decisions;
using CulturalServerless.Functions.Triggers;
using CulturalServerless.Application.Exports;
using CulturalServerless.IntegrationTests.Exports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;
using ApiClient = CulturalServerless.IntegrationTests.Api.ApiClient;

namespace CulturalServerless.IntegrationTests.Appraisals;

/// <summary>
/// Recognition decisions from appraisals over two consecutive years: the refusals (an agency whose
/// final appraisal did not meet the standard, out of scope, no Idempotency-Key), the signed PDF
/// through the blob trigger, its verification, and the agency's recognition history.
/// </summary>
public sealed class DecisionApiTests(AppServices app) : IClassFixture<AppServices>
{
    private readonly ApiClient api = new(app);
    private AppraisalCalls Calls => new(app, api);
    private readonly DecisionFunctions functions = new(app.Get<DecisionService>(), app.Get<RecognitionHistoryService>(), NullLogger<DecisionFunctions>.Instance);
    private readonly DecisionExportFunction exportFunction = new(app.Get<DecisionExportService>(), NullLogger<DecisionExportFunction>.Instance);

    private async Task<ApiResponse> CreateAsync(JsonObject body, string? token = null, string? key = null)
    {
        var headers = new Dictionary<string, string>();
        if (key != "") headers["Idempotency-Key"] = key ?? Guid.NewGuid().ToString();
        var request = app.Request(token ?? await Calls.TokenAsync(Roles.Decider, "51"), "POST", "/api/decisions", body.ToJsonString(), headers: headers);
        return await HttpCalls.ExecuteAsync(request, functions.Create(request, CancellationToken.None));
    }

    private async Task<ApiResponse> GetAsync(string id, string? token = null)
    {
        var request = app.Request(token ?? await Calls.TokenAsync(Roles.Decider, "51"), "GET", $"/api/decisions/{id}");
        return await HttpCalls.ExecuteAsync(request, functions.Get(request, id, CancellationToken.None));
    }

    private async Task<ApiResponse> DocumentAsync(string id)
    {
        var request = app.Request(await Calls.TokenAsync(Roles.Decider, "51"), "GET", $"/api/decisions/{id}/document");
        return await HttpCalls.ExecuteAsync(request, functions.GetDocument(request, id, CancellationToken.None));
    }

    private async Task<ExportResponse> ExportAsync(string id, string format)
    {
        var request = app.Request(await Calls.ReviewerAsync(), "GET", $"/api/decisions/{id}/export", query: $"format={format}");
        return await ExportCalls.ExecuteAsync(request, exportFunction.Run(request, id, CancellationToken.None));
    }

    private async Task<ApiResponse> HistoryAsync(string agencyId)
    {
        var request = app.Request(await Calls.ReviewerAsync(), "GET", $"/api/agencies/{agencyId}/recognition");
        return await HttpCalls.ExecuteAsync(request, functions.GetHistory(request, agencyId, CancellationToken.None));
    }

    private Task FireAsync(string id) =>
        new RenderReportFunction(app.Get<ReportRenderingService>(), app.Get<DecisionRenderingService>()).Run(
            app.Get<BlobServiceClient>().GetBlobContainerClient(BlobContainers.ReportRequests).GetBlobClient(DecisionKeys.RequestName(id)),
            DecisionKeys.RequestName(id), CancellationToken.None);

    private static JsonObject Body(params string[] agencyIds) => new()
    {
        ["jurisdiction"] = "51", ["year"] = 2024, ["signerName"] = "Nguyễn Văn Chủ Tịch", ["agencyIds"] = new JsonArray([.. agencyIds.Select(id => (JsonNode)id)]),
    };

    [Fact]
    public async Task A_decision_lists_exactly_the_eligible_agencies_is_signed_by_the_trigger_and_verifies_as_a_decision()
    {
        var first = await Calls.AppraisedForDecisionAsync("51.522");
        var second = await Calls.AppraisedForDecisionAsync("51.523");
        var failing = await Calls.AppraisedForDecisionAsync("51.522", passes2024: false);

        var refused = await CreateAsync(Body(first, second, failing));
        Assert.Equal(422, refused.Status);
        Assert.Equal("/problems/not-eligible", (string?)refused.Json["type"]);
        Assert.Equal(["$.agencyIds[2]"], refused.ErrorPaths);
        Assert.Contains("không đạt chuẩn", (string?)refused.Json["errors"]![0]!["message"]);

        var key = Guid.NewGuid().ToString();
        var created = await CreateAsync(Body(first, second), key: key);
        Assert.Equal(202, created.Status);
        var id = (string)created.Json["id"]!;
        Assert.Equal($"/api/decisions/{id}", created.Headers.Location.ToString());
        Assert.Equal("requested", (string?)created.Json["state"]);
        Assert.Equal("01/QĐ-LĐLĐ", (string?)created.Json["documentNumber"]);
        var listed = created.Json["agencies"]!.AsArray();
        Assert.Equal([first, second], listed.Select(a => (string?)a!["agencyId"]));
        Assert.All(listed, a => Assert.Equal("first", (string?)a!["recognitionKind"]));
        Assert.All(listed, a => Assert.Equal("2023–2024", (string?)a!["period"]));
        Assert.Equal(404, (await DocumentAsync(id)).Status);

        var replay = await CreateAsync(Body(first, second), key: key);
        Assert.Equal(200, replay.Status);
        Assert.Equal(id, (string?)replay.Json["id"]);

        await FireAsync(id);
        await FireAsync(id); // a second delivery of the same blob signs nothing new
        var signed = await GetAsync(id);
        Assert.Equal("ready", (string?)signed.Json["state"]);
        var link = await DocumentAsync(id);
        Assert.Equal(200, link.Status);
        using var http = new HttpClient();
        var pdf = await http.GetByteArrayAsync((string)link.Json["url"]!);
        Assert.Equal((string?)signed.Json["sha256"], Convert.ToHexStringLower(SHA256.HashData(pdf)));
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            Assert.Contains("QUYẾT ĐỊNH", text);
            Assert.Contains("01/QĐ-LĐLĐ", text);
            Assert.Contains("DANH SÁCH", text);
        }
        var verified = await app.Get<ReportVerificationService>().VerifyAsync(pdf, CancellationToken.None);
        Assert.True(verified.Valid, string.Join("; ", verified.Problems));
        Assert.Equal("decision", verified.Kind);
        Assert.Equal(id, verified.Decision!.Id);
        Assert.Equal(2, verified.Decision.AgencyCount);

        var csv = await ExportAsync(id, "csv");
        Assert.Equal(200, csv.Status);
        var annex = CsvRecords.Parse(Encoding.UTF8.GetString(csv.Body.AsSpan(3)));
        Assert.Equal(["Mã cơ quan", "Cơ quan/đơn vị", "Địa bàn", "Mã địa bàn", "Điểm thẩm định", "Hình thức công nhận", "Giai đoạn"], annex[0]);
        Assert.Equal([first, second], annex.Skip(1).Select(r => r[0]));
        Assert.Equal(listed.Select(a => (string?)a!["agencyName"]), annex.Skip(1).Select(r => r[1]));
        Assert.All(annex.Skip(1), r => Assert.Equal(("Công nhận lần đầu", "2023–2024"), (r[5], r[6])));
        var xlsx = await ExportAsync(id, "xlsx");
        Assert.Equal(200, xlsx.Status);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx.Body), isEditable: false))
        {
            var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            Assert.Equal(3, rows.Count);
        }
        var badFormat = await ExportAsync(id, "pdf");
        Assert.Equal(400, badFormat.Status);
        Assert.Equal("$.query.format", (string?)badFormat.Problem["errors"]![0]!["path"]);

        var history = await HistoryAsync(first);
        Assert.Equal(200, history.Status);
        Assert.Equal([2023, 2024], history.Json["yearsMet"]!.AsArray().Select(y => (int)y!));
        Assert.Equal(id, (string?)history.Json["decisions"]![0]!["decisionId"]);
        Assert.Equal("re-recognition", (string?)history.Json["next"]!["recognitionKind"]);
        Assert.Equal(2029, (int?)history.Json["next"]!["year"]);
        Assert.False((bool?)history.Json["next"]!["eligibleNow"]);

        var again = await CreateAsync(Body(first));
        Assert.Equal(422, again.Status);
        Assert.Contains("đã được công nhận", (string?)again.Json["errors"]![0]!["message"]);
        var failingHistory = await HistoryAsync(failing);
        Assert.Equal([2023], failingHistory.Json["yearsMet"]!.AsArray().Select(y => (int)y!));
        Assert.Equal("first", (string?)failingHistory.Json["next"]!["recognitionKind"]);
    }

    [Fact]
    public async Task Only_a_decider_whose_jurisdiction_covers_the_decision_issues_it_with_an_Idempotency_Key_and_a_valid_body()
    {
        var agencyId = await api.RegisterAgencyAsync("51.522");
        var calls = Calls;

        var reviewer = await CreateAsync(Body(agencyId), await calls.ReviewerAsync());
        var otherProvince = await CreateAsync(Body(agencyId), await calls.TokenAsync(Roles.Decider, "52"));
        var district = await CreateAsync(Body(agencyId), await calls.TokenAsync(Roles.Decider, "51.522"));
        var noKey = await CreateAsync(Body(agencyId), key: "");
        var invalid = await CreateAsync(new JsonObject { ["jurisdiction"] = null, ["year"] = 1900, ["signerName"] = "", ["agencyIds"] = new JsonArray("BAD ID", null) });
        var notAppraised = await CreateAsync(Body(agencyId, "no-such-agency"));

        Assert.Equal(403, reviewer.Status);
        Assert.Equal(403, otherProvince.Status);
        Assert.Equal(403, district.Status);
        Assert.Equal(428, noKey.Status);
        Assert.Equal(400, invalid.Status);
        Assert.Equal(["$.jurisdiction", "$.year", "$.signerName", "$.agencyIds[0]", "$.agencyIds[1]"], invalid.ErrorPaths);
        Assert.Equal(422, notAppraised.Status);
        Assert.Equal(["not-eligible", "not-found"], notAppraised.ErrorCodes);
        Assert.Equal(404, (await GetAsync("qd-unknown")).Status);
    }
}
