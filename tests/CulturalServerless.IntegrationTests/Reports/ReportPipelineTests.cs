using System.Security.Cryptography;
using Azure.Storage.Blobs;
using CulturalServerless.Application.Procedures;
using CulturalServerless.Application.Reports;
using CulturalServerless.Functions.Http.Reports;
using CulturalServerless.Functions.Triggers;
using CulturalServerless.Reports.Rendering;
using CulturalServerless.Reports.Signing;
using CulturalServerless.UnitTests.Reports.Signing;
using UglyToad.PdfPig;

namespace CulturalServerless.IntegrationTests.Reports;

/// <summary>
/// From a scored submission to a signed PDF in Blob Storage, its record in Cosmos DB, a download
/// link and verification — through the function classes, against the emulators.
/// </summary>
public sealed class ReportPipelineTests(AppServices app) : IClassFixture<AppServices>
{
    private readonly ApiClient api = new(app);
    private readonly RenderReportFunction trigger = new(app.Get<ReportRenderingService>(), app.Get<CulturalServerless.Application.Decisions.DecisionRenderingService>());
    private readonly ReportFunctions reports = new(app.Get<ReportLinkService>(), app.Get<ReportVerificationService>(), NullLogger<ReportFunctions>.Instance);
    private readonly BlobServiceClient blobs = app.Get<BlobServiceClient>();

    private async Task<string> SubmitSeedAsync()
    {
        var agencyId = await api.RegisterAgencyAsync();
        Assert.Equal(201, (await api.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"))).Status);
        return agencyId;
    }

    private Task FireAsync(string agencyId, int version = 1) =>
        trigger.Run(blobs.GetBlobContainerClient(BlobContainers.ReportRequests).GetBlobClient($"{agencyId}/2022/v{version}.json"),
            $"{agencyId}/2022/v{version}.json", CancellationToken.None);

    private async Task<byte[]> DownloadReportAsync(string agencyId, int version = 1) =>
        (await blobs.GetBlobContainerClient(BlobContainers.Reports).GetBlobClient($"{agencyId}/2022/v{version}.pdf").DownloadContentAsync())
        .Value.Content.ToArray();

    private Task<ApiResponse> LinkAsync(string agencyId, string? query = null)
    {
        var request = app.Request(TestTokens.Admin, "GET", $"/api/agencies/{agencyId}/assessments/2022/report", query: query);
        return HttpCalls.ExecuteAsync(request, reports.GetLink(request, agencyId, "2022", CancellationToken.None));
    }

    private Task<ApiResponse> VerifyAsync(byte[] pdf, string contentType = "application/pdf")
    {
        var request = app.Request(TestTokens.Admin, "POST", "/api/reports/verify", pdf, contentType);
        return HttpCalls.ExecuteAsync(request, reports.Verify(request, CancellationToken.None));
    }

    [Fact]
    public async Task The_trigger_renders_signs_and_records_the_report_of_the_seed_submission()
    {
        var agencyId = await SubmitSeedAsync();

        await FireAsync(agencyId);

        var assessment = (await api.GetLatestAsync(agencyId)).Json;
        Assert.Equal("report-ready", (string?)assessment["status"]);
        var report = assessment["report"]!;
        Assert.Equal("ready", (string?)report["state"]);
        Assert.Equal("01/BC-VP", (string?)report["documentNumber"]);
        Assert.Equal($"reports/{agencyId}/2022/v1.pdf", (string?)report["blobPath"]);
        var pdf = await DownloadReportAsync(agencyId);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), (string?)report["sha256"]);
        Assert.Equal(pdf.Length, (long?)report["size"]);
        Assert.Equal("report-ready", (string?)assessment["history"]!.AsArray().Last()!["action"]);

        var properties = (await blobs.GetBlobContainerClient(BlobContainers.Reports).GetBlobClient($"{agencyId}/2022/v1.pdf").GetPropertiesAsync()).Value;
        Assert.Equal("application/pdf", properties.ContentType);
        Assert.Equal((string?)report["sha256"], properties.Metadata["sha256"]);
        Assert.Equal($"{agencyId}-2022-v1", properties.Metadata["assessmentId"]);
        Assert.Equal("1", properties.Metadata["version"]);
    }

    [Fact]
    public async Task The_report_carries_the_submissions_exact_Vietnamese_text()
    {
        var agencyId = await SubmitSeedAsync();
        await FireAsync(agencyId);

        using var document = PdfDocument.Open(await DownloadReportAsync(agencyId));
        var text = string.Join("\n", document.GetPages().Select(page => page.Text)).Normalize(NormalizationForm.FormC);
        var compact = Compact(text);

        Assert.Contains("Số: 01/BC-VP", text);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("BÁO CÁO", text);
        var sample = ApiClient.Sample("assessment-2022.json");
        foreach (var code in new[] { "1.1", "1.4", "2.4", "3.3" })
        {
            Assert.Contains(Compact((string)sample["criteria"]![code]!["narrative"]!), compact);
        }
        Assert.Contains(Compact("Vũ Minh Tâm"), compact);
        // The header's issuing body is the registration's short header name, not the full name in capitals.
        Assert.DoesNotContain(Compact("VĂN PHÒNG UBND TỈNH QUẢNG NGÃI"), compact);
        Assert.Contains(Compact("Đề nghị Ban chỉ đạo Toàn dân đoàn kết xây dựng đời sống văn hóa thành phố Quảng Ngãi xem xét"), compact);
        Assert.Contains(Compact("PHỤ LỤC"), compact);
        // Everything the system writes itself (explanations, headings) is drawable by the report font.
        Assert.DoesNotContain(CulturalServerless.Reports.Text.ReportText.MissingGlyph, text);
    }

    [Fact]
    public async Task The_stored_report_is_signed_as_pdfsig_and_our_verifier_see_it_and_a_changed_byte_is_caught()
    {
        var agencyId = await SubmitSeedAsync();
        await FireAsync(agencyId);
        var pdf = await DownloadReportAsync(agencyId);
        var tampered = Tamper(pdf);

        Assert.True(app.Get<ReportSignatureVerifier>().Verify(pdf).IsValid);
        Assert.False(app.Get<ReportSignatureVerifier>().Verify(tampered).IsValid);
        Assert.True(Pdfsig.Path is not null, "pdfsig is needed (poppler-utils; ./test.sh installs it)");
        var pdfsig = Pdfsig.Check(pdf);
        Assert.Contains("Signature is Valid", pdfsig);
        Assert.Contains("ETSI.CAdES.detached", pdfsig);
        Assert.DoesNotContain("Signature is Valid", Pdfsig.Check(tampered));
    }

    [Fact]
    public async Task The_trigger_firing_twice_leaves_one_report_one_number_and_one_record()
    {
        var agencyId = await SubmitSeedAsync();

        await FireAsync(agencyId);
        var first = await DownloadReportAsync(agencyId);
        await FireAsync(agencyId);
        await Task.WhenAll(FireAsync(agencyId), FireAsync(agencyId));

        Assert.Equal(first, await DownloadReportAsync(agencyId));
        var assessment = (await api.GetLatestAsync(agencyId)).Json;
        Assert.Equal("01/BC-VP", (string?)assessment["report"]!["documentNumber"]);
        Assert.Single(assessment["history"]!.AsArray(), h => (string?)h!["action"] == "report-ready");

        // The next version takes the next number of the agency's year.
        Assert.Equal(201, (await api.ResubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"))).Status);
        await FireAsync(agencyId, version: 2);
        Assert.Equal("02/BC-VP", (string?)(await api.GetLatestAsync(agencyId)).Json["report"]!["documentNumber"]);
    }

    [Fact]
    public async Task A_superseded_report_stays_downloadable_and_verifiable_and_says_so()
    {
        var agencyId = await SubmitSeedAsync();
        await FireAsync(agencyId);
        Assert.Equal(201, (await api.ResubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"))).Status);
        await FireAsync(agencyId, version: 2);

        var earlier = await LinkAsync(agencyId, "version=1");
        var latest = await LinkAsync(agencyId);

        Assert.Equal(200, earlier.Status);
        Assert.Equal("01/BC-VP", (string?)earlier.Json["documentNumber"]);
        Assert.True((bool?)earlier.Json["superseded"]);
        Assert.Equal("02/BC-VP", (string?)latest.Json["documentNumber"]);
        Assert.False((bool?)latest.Json["superseded"]);
        var verified = await VerifyAsync(await DownloadReportAsync(agencyId, version: 1));
        Assert.True((bool?)verified.Json["valid"]);
        Assert.Equal(1, (int?)verified.Json["assessment"]!["version"]);
        Assert.True((bool?)verified.Json["assessment"]!["superseded"]);
        Assert.False((bool?)(await VerifyAsync(await DownloadReportAsync(agencyId, version: 2))).Json["assessment"]!["superseded"]);
        Assert.Equal(404, (await LinkAsync(agencyId, "version=3")).Status);
    }

    [Fact]
    public async Task The_link_downloads_the_signed_report_and_redirect_answers_302()
    {
        var agencyId = await SubmitSeedAsync();

        var early = await LinkAsync(agencyId);
        Assert.Equal(404, early.Status);
        Assert.Equal("requested", (string?)early.Json["reportState"]);

        await FireAsync(agencyId);
        var link = await LinkAsync(agencyId);
        Assert.Equal(200, link.Status);
        Assert.Equal("no-store", link.Headers.CacheControl.ToString());
        var expiresOn = DateTimeOffset.Parse((string)link.Json["expiresOn"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresOn, DateTimeOffset.UtcNow.AddMinutes(10), DateTimeOffset.UtcNow.AddMinutes(15.5));
        using var http = new HttpClient();
        var downloaded = await http.GetByteArrayAsync((string)link.Json["url"]!);
        Assert.Equal((string?)link.Json["sha256"], Convert.ToHexStringLower(SHA256.HashData(downloaded)));
        Assert.Equal("01/BC-VP", (string?)link.Json["documentNumber"]);

        var redirect = await LinkAsync(agencyId, "redirect=true");
        Assert.Equal(302, redirect.Status);
        Assert.StartsWith(blobs.Uri.ToString(), redirect.Headers.Location.ToString());
    }

    [Fact]
    public async Task Verify_accepts_our_report_and_names_its_assessment()
    {
        var agencyId = await SubmitSeedAsync();
        await FireAsync(agencyId);

        var result = await VerifyAsync(await DownloadReportAsync(agencyId));

        Assert.Equal(200, result.Status);
        Assert.True((bool)result.Json["valid"]!);
        Assert.Contains("CulturalServerless development signer", (string?)result.Json["signer"]);
        // The timestamp's time, which the TSA certified, a moment ago.
        var signedAt = DateTimeOffset.Parse((string)result.Json["signedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(signedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Empty(result.Json["problems"]!.AsArray());
        Assert.Equal(agencyId, (string?)result.Json["assessment"]!["agencyId"]);
        Assert.Equal(2022, (int?)result.Json["assessment"]!["year"]);
        Assert.Equal(1, (int?)result.Json["assessment"]!["version"]);
    }

    [Fact]
    public async Task Verify_refuses_a_changed_file_a_replaced_timestamp_and_a_report_signed_under_a_foreign_CA_each_with_its_reason()
    {
        var agencyId = await SubmitSeedAsync();
        await FireAsync(agencyId);
        var ours = await DownloadReportAsync(agencyId);
        var request = await app.Get<IReportRequestStore>().ReadAsync($"{agencyId}/2022/v1.json", CancellationToken.None);

        // Another report's timestamp in ours: the document's bytes and signature are untouched.
        var other = await RenderAndSignAsync(request, app.Get<ReportSigner>());
        var replaced = WithTimestampOf(ours, other);
        // A report signed by a certificate of a CA the system does not trust, with a good timestamp.
        using var foreignCa = DevelopmentPki.ForeignAuthority("Foreign CA");
        using var foreignCertificate = DevelopmentPki.IssueFrom(foreignCa, "Someone else", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var foreign = await RenderAndSignAsync(request, new ReportSigner(new FixedCertificateSource(foreignCertificate),
            DevelopmentPki.Shared.TimestampAuthority, new SignatureTrust([foreignCa], DevelopmentPki.Shared.Trust.TimestampAuthorities), TimeProvider.System));

        var changed = await VerifyAsync(Tamper(ours));
        var timestamp = await VerifyAsync(replaced);
        var notOurs = await VerifyAsync(foreign);

        Assert.False((bool)changed.Json["valid"]!);
        Assert.Contains(Problems(changed), problem => problem.StartsWith("Chữ ký số không hợp lệ: The signature does not match the document", StringComparison.Ordinal));
        Assert.False((bool)timestamp.Json["valid"]!);
        Assert.Contains(Problems(timestamp), problem => problem.Contains("The signature timestamp covers another signature", StringComparison.Ordinal));
        Assert.False((bool)notOurs.Json["valid"]!);
        Assert.Contains(Problems(notOurs), problem => problem.Contains("not issued by a CA this system trusts", StringComparison.Ordinal));
        Assert.Null(notOurs.Json["assessment"]);
        Assert.Equal(200, changed.Status);
        Assert.Equal(200, timestamp.Status);
        Assert.Equal(200, notOurs.Status);
    }

    [Fact]
    public async Task A_timestamp_authority_that_does_not_answer_fails_the_report_as_an_outage_and_the_retry_signs_it()
    {
        using var reserved = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        reserved.Start();
        var port = ((IPEndPoint)reserved.LocalEndpoint).Port;
        reserved.Stop();
        await using var down = AppServices.With(new Dictionary<string, string?> { ["Signing:TimestampUrl"] = $"http://127.0.0.1:{port}/" });
        await down.InitializeAsync();
        var downApi = new ApiClient(down);
        var agencyId = await downApi.RegisterAgencyAsync();
        await downApi.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"));
        var downTrigger = new RenderReportFunction(down.Get<ReportRenderingService>(), down.Get<CulturalServerless.Application.Decisions.DecisionRenderingService>());
        Task Fire() => downTrigger.Run(
            down.Get<BlobServiceClient>().GetBlobContainerClient(BlobContainers.ReportRequests).GetBlobClient($"{agencyId}/2022/v1.json"),
            $"{agencyId}/2022/v1.json", CancellationToken.None);

        // A TSA that does not answer is an outage, not the report's fault: recorded, retried by the
        // reconciler, and no render attempt spent; never a report signed without its timestamp.
        await Fire();
        var failed = (await downApi.GetLatestAsync(agencyId)).Json;
        Assert.Equal("failed", (string?)failed["report"]!["state"]);
        Assert.Contains(nameof(TimestampAuthorityUnavailableException), (string?)failed["report"]!["failureReason"]);
        Assert.Equal(0, (int?)failed["report"]!["attempts"]);
        Assert.NotNull(failed["report"]!["retryAt"]);
        Assert.Null(await down.Get<IReportStore>().FindAsync(agencyId, 2022, 1, CancellationToken.None));

        using var back = DevelopmentPki.Shared.StartAuthority(port);
        await Fire();

        var ready = (await downApi.GetLatestAsync(agencyId)).Json;
        Assert.Equal("ready", (string?)ready["report"]!["state"]);
    }

    [Theory]
    [InlineData("text/plain", 415)]
    [InlineData("application/pdf", 400)]
    public async Task Verify_answers_4xx_to_what_is_not_a_pdf_upload(string contentType, int status)
    {
        var body = contentType == "application/pdf" ? Array.Empty<byte>() : Encoding.UTF8.GetBytes("hello");
        var response = await VerifyAsync(body, contentType);
        Assert.Equal(status, response.Status);
    }

    [Fact]
    public async Task A_report_that_cannot_be_signed_marks_the_assessment_report_failed_with_the_reason()
    {
        await using var broken = AppServices.With(new Dictionary<string, string?> { ["Signing:PfxPath"] = "/nonexistent/signing.pfx" });
        await broken.InitializeAsync();
        var brokenApi = new ApiClient(broken);
        var agencyId = await brokenApi.RegisterAgencyAsync();
        await brokenApi.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"));
        var brokenTrigger = new RenderReportFunction(broken.Get<ReportRenderingService>(), broken.Get<CulturalServerless.Application.Decisions.DecisionRenderingService>());

        // Recorded, so the run ends normally: the reconciler, not the host's quick tries, paces the retries.
        await brokenTrigger.Run(
            broken.Get<BlobServiceClient>().GetBlobContainerClient(BlobContainers.ReportRequests).GetBlobClient($"{agencyId}/2022/v1.json"),
            $"{agencyId}/2022/v1.json", CancellationToken.None);

        var assessment = (await brokenApi.GetLatestAsync(agencyId)).Json;
        Assert.Equal("report-failed", (string?)assessment["status"]);
        Assert.Equal("failed", (string?)assessment["report"]!["state"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)assessment["report"]!["failureReason"]));
        Assert.Equal(1, (int?)assessment["report"]!["attempts"]);
        Assert.NotNull((string?)assessment["report"]!["retryAt"]);
    }

    private static byte[] Tamper(byte[] pdf) => PdfTamper.FlipSignedByte(pdf);

    private async Task<byte[]> RenderAndSignAsync(ReportRequest request, ReportSigner signer)
    {
        using var composed = app.Get<ReportRenderer>().Compose(OfficialReportMapper.Map(request, 1, new DateOnly(2022, 11, 15), app.Get<IRecognitionProcedures>()));
        return await signer.SignAsync(composed);
    }

    private static IReadOnlyList<string> Problems(ApiResponse response) =>
        response.Json["problems"]!.AsArray().Select(problem => (string)problem!).ToList();

    // The CMS in /Contents with its timestamp token swapped for another signature's, same room.
    private static byte[] WithTimestampOf(byte[] pdf, byte[] other)
    {
        var cms = Cms(pdf, out var range);
        var token = Cms(other, out _).SignerInfos[0].UnsignedAttributes[0].Values[0];
        cms.SignerInfos[0].RemoveUnsignedAttribute(cms.SignerInfos[0].UnsignedAttributes[0].Values[0]);
        cms.SignerInfos[0].AddUnsignedAttribute(token);
        var hex = Encoding.ASCII.GetBytes(Convert.ToHexString(cms.Encode()));
        var copy = (byte[])pdf.Clone();
        var room = (int)(range[2] - range[1] - 2);
        hex.CopyTo(copy, (int)range[1] + 1);
        copy.AsSpan((int)range[1] + 1 + hex.Length, room - hex.Length).Fill((byte)'0');
        return copy;
    }

    private static System.Security.Cryptography.Pkcs.SignedCms Cms(byte[] pdf, out long[] range)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf("/ByteRange", StringComparison.Ordinal);
        var numbers = text[(text.IndexOf('[', at) + 1)..text.IndexOf(']', at)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        range = numbers.Select(long.Parse).ToArray();
        var der = Convert.FromHexString(text[((int)range[1] + 1)..((int)range[2] - 1)]);
        var content = pdf[..(int)range[1]].Concat(pdf[(int)range[2]..]).ToArray();
        var cms = new System.Security.Cryptography.Pkcs.SignedCms(new System.Security.Cryptography.Pkcs.ContentInfo(content), detached: true);
        cms.Decode(der);
        return cms;
    }

    private static string Compact(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
