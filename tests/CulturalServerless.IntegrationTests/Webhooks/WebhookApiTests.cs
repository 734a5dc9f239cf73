using CulturalServerless.Application.Webhooks;
using CulturalServerless.Functions.Http.Reminders;
using CulturalServerless.Functions.Http.Webhooks;

namespace CulturalServerless.IntegrationTests.Webhooks;

/// <summary>
/// Registering webhooks and reading reminders through the function classes, against the emulator,
/// with the webhook settings of local.settings.sample.json (the ones ./run.sh starts the app with).
/// </summary>
public sealed class WebhookApiTests(SampleWebhookSettingsApp sample) : IClassFixture<SampleWebhookSettingsApp>
{
    private readonly AppServices app = sample.App;

    private readonly WebhookFunctions functions = new(sample.App.Get<WebhookService>(), NullLogger<WebhookFunctions>.Instance);
    private readonly ApiClient api = new(sample.App);

    private Task<ApiResponse> PutAgencyAsync(string agencyId, string? body, string? query = null)
    {
        var request = app.Request(TestTokens.Admin, "PUT", $"/api/agencies/{agencyId}/webhook", body, query: query);
        return HttpCalls.ExecuteAsync(request, functions.PutAgency(request, agencyId, CancellationToken.None));
    }

    private Task<ApiResponse> GetAgencyAsync(string agencyId)
    {
        var request = app.Request(TestTokens.Admin, "GET", $"/api/agencies/{agencyId}/webhook");
        return HttpCalls.ExecuteAsync(request, functions.GetAgency(request, agencyId, CancellationToken.None));
    }

    private Task<ApiResponse> PutCommitteeAsync(string jurisdiction, string body)
    {
        var request = app.Request(TestTokens.Admin, "PUT", $"/api/committees/{jurisdiction}/webhook", body);
        return HttpCalls.ExecuteAsync(request, functions.PutCommittee(request, jurisdiction, CancellationToken.None));
    }

    private static string Url(string url) => $$"""{ "url": "{{url}}" }""";

    [Fact]
    public async Task The_secret_is_shown_when_issued_and_never_again_unless_rotated()
    {
        var agency = await api.RegisterAgencyAsync();

        var created = await PutAgencyAsync(agency, Url("https://portal.quangngai.gov.vn/hooks/a"));
        var read = await GetAgencyAsync(agency);
        var moved = await PutAgencyAsync(agency, Url("https://portal.quangngai.gov.vn/hooks/b"));
        var rotated = await PutAgencyAsync(agency, Url("https://portal.quangngai.gov.vn/hooks/b"), "rotateSecret=true");

        Assert.Equal(201, created.Status);
        Assert.Equal($"/api/agencies/{agency}/webhook", created.Headers.Location.ToString());
        Assert.Equal("no-store", created.Headers.CacheControl.ToString());
        var secret = (string?)created.Json["secret"];
        Assert.Equal(43, secret!.Length); // 32 bytes in unpadded base64url
        Assert.Equal(200, read.Status);
        Assert.False(read.Json.ContainsKey("secret"));
        Assert.Equal("https://portal.quangngai.gov.vn/hooks/a", (string?)read.Json["url"]);
        Assert.Equal(200, moved.Status);
        Assert.False(moved.Json.ContainsKey("secret"));
        Assert.Equal("https://portal.quangngai.gov.vn/hooks/b", (string?)moved.Json["url"]);
        Assert.Equal(200, rotated.Status);
        Assert.NotEqual(secret, (string?)rotated.Json["secret"]);
        Assert.Equal(43, ((string?)rotated.Json["secret"])!.Length);
    }

    [Fact]
    public async Task Concurrent_changes_to_one_webhook_all_land_and_none_is_refused()
    {
        var agency = await api.RegisterAgencyAsync();
        Assert.Equal(201, (await PutAgencyAsync(agency, Url("https://portal.quangngai.gov.vn/hooks/start"))).Status);
        var urls = Enumerable.Range(1, 6).Select(i => $"https://portal.quangngai.gov.vn/hooks/{i}").ToList();

        var responses = await Task.WhenAll(urls.Select(url => PutAgencyAsync(agency, Url(url))));

        Assert.All(responses, response => Assert.Equal(200, response.Status));
        Assert.Equal(urls, responses.Select(response => (string?)response.Json["url"]));
        Assert.Contains((string?)(await GetAgencyAsync(agency)).Json["url"], urls);
    }

    [Theory]
    [InlineData("http://portal.quangngai.gov.vn/hooks")]
    [InlineData("ftp://portal.quangngai.gov.vn/hooks")]
    [InlineData("/hooks/relative")]
    [InlineData("https://user:pass@portal.quangngai.gov.vn/hooks")]
    [InlineData("https://portal.quangngai.gov.vn:8443/hooks")]
    public async Task Only_https_urls_on_an_allowed_port_are_accepted(string url)
    {
        var agency = await api.RegisterAgencyAsync();

        var response = await PutAgencyAsync(agency, Url(url));

        Assert.Equal(400, response.Status);
        Assert.Equal(["$.url"], response.ErrorPaths);
        Assert.Equal(404, (await GetAgencyAsync(agency)).Status);
    }

    [Theory]
    [InlineData("https://169.254.169.254/metadata/identity/oauth2/token")]
    [InlineData("https://127.0.0.1/")]
    [InlineData("https://10.0.0.1/")]
    [InlineData("https://[::1]/")]
    [InlineData("https://2130706433/")]
    [InlineData("https://0x7f000001/")]
    [InlineData("http://127.0.0.1:9/")]
    [InlineData("https://0177.0.0.1/")]
    [InlineData("https://127.1/")]
    [InlineData("https://[::ffff:127.0.0.1]/")]
    [InlineData("https://[::ffff:a9fe:a9fe]/metadata/identity/oauth2/token")]
    [InlineData("https://172.16.0.1/")]
    [InlineData("https://192.168.1.1/")]
    [InlineData("https://100.64.0.1/")]
    [InlineData("https://0.0.0.0/")]
    [InlineData("https://224.0.0.1/")]
    [InlineData("https://[fe80::1]/")]
    [InlineData("https://[fd00::1]/")]
    [InlineData("https://[ff02::1]/")]
    [InlineData("https://localhost/")]
    [InlineData("https://metadata/")]
    public async Task Private_loopback_metadata_and_aliased_urls_are_refused_with_400_and_nothing_is_stored(string url)
    {
        var agency = await api.RegisterAgencyAsync();

        var response = await PutAgencyAsync(agency, Url(url));

        Assert.Equal(400, response.Status);
        Assert.Equal("/problems/validation", (string?)response.Json["type"]);
        Assert.Equal(["$.url"], response.ErrorPaths);
        var error = response.Json["errors"]![0]!;
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)error["messageEn"]));
        Assert.Equal(404, (await GetAgencyAsync(agency)).Status);
    }

    [Theory]
    [InlineData("https://portal.quangngai.gov.vn/hooks/cultural")]
    [InlineData("https://20.205.243.166/hooks/cultural")]
    public async Task A_public_https_url_is_accepted_without_being_reached(string url)
    {
        var agency = await api.RegisterAgencyAsync();

        var response = await PutAgencyAsync(agency, Url(url));

        Assert.Equal(201, response.Status);
        Assert.Equal(url, (string?)response.Json["url"]);
    }

    [Fact]
    public async Task Plain_http_to_loopback_is_accepted_only_where_private_targets_are_allowed()
    {
        await using var local = AppServices.With(new Dictionary<string, string?> { ["Webhooks:AllowPrivateTargets"] = "true" });
        await local.InitializeAsync();
        var agency = await new ApiClient(local).RegisterAgencyAsync();
        var request = local.Request(TestTokens.Admin, "PUT", $"/api/agencies/{agency}/webhook", Url("http://127.0.0.1:7071/hooks"));
        var functionsThere = new WebhookFunctions(local.Get<WebhookService>(), NullLogger<WebhookFunctions>.Instance);

        var there = await HttpCalls.ExecuteAsync(request, functionsThere.PutAgency(request, agency, CancellationToken.None));
        var here = await PutAgencyAsync(await api.RegisterAgencyAsync(), Url("http://127.0.0.1:7071/hooks"));

        Assert.Equal(201, there.Status);
        Assert.Equal(400, here.Status);
    }

    [Fact]
    public async Task A_missing_url_an_unknown_agency_and_a_bad_rotate_flag_are_problems_with_their_paths()
    {
        var agency = await api.RegisterAgencyAsync();

        var missing = await PutAgencyAsync(agency, "{}");
        var unknown = await PutAgencyAsync("vp-" + Guid.NewGuid().ToString("N")[..10], Url("https://x.gov.vn/h"));
        var badFlag = await PutAgencyAsync(agency, Url("https://x.gov.vn/h"), "rotateSecret=yes");

        Assert.Equal(400, missing.Status);
        Assert.Equal(["$.url"], missing.ErrorPaths);
        Assert.Equal((404, "/problems/not-found"), (unknown.Status, (string?)unknown.Json["type"]));
        Assert.Equal(400, badFlag.Status);
        Assert.Equal(["$.query.rotateSecret"], badFlag.ErrorPaths);
    }

    [Fact]
    public async Task A_committee_registers_by_jurisdiction_and_a_bad_code_is_refused()
    {
        var jurisdiction = "t" + Guid.NewGuid().ToString("N")[..6] + ".522";

        var created = await PutCommitteeAsync(jurisdiction, Url("https://ubnd.quangngai.gov.vn/hooks"));
        var invalid = await PutCommitteeAsync("51..x", Url("https://ubnd.quangngai.gov.vn/hooks"));
        var request = app.Request(TestTokens.Admin, "GET", $"/api/committees/{jurisdiction}/webhook");
        var read = await HttpCalls.ExecuteAsync(request, functions.GetCommittee(request, jurisdiction, CancellationToken.None));

        Assert.Equal(201, created.Status);
        Assert.NotNull((string?)created.Json["secret"]);
        Assert.Equal(400, invalid.Status);
        Assert.Equal(["$.route.jurisdiction"], invalid.ErrorPaths);
        Assert.Equal(200, read.Status);
        Assert.Equal("https://ubnd.quangngai.gov.vn/hooks", (string?)read.Json["url"]);
    }

    [Theory]
    [InlineData("", "$.query.year")]
    [InlineData("year=1999", "$.query.year")]
    [InlineData("year=2026&jurisdiction=51..x", "$.query.jurisdiction")]
    [InlineData("year=2026&agencyId=Bad_Id", "$.query.agencyId")]
    [InlineData("year=2026&pageSize=500", "$.query.pageSize")]
    public async Task Listing_reminders_with_bad_parameters_is_a_400_naming_them(string query, string path)
    {
        var list = new ReminderListFunction(app.Get<ReminderListService>(), NullLogger<ReminderListFunction>.Instance);
        var request = app.Request(TestTokens.Admin, "GET", "/api/reminders", query: query);

        var response = await HttpCalls.ExecuteAsync(request, list.Run(request, CancellationToken.None));

        Assert.Equal(400, response.Status);
        Assert.Equal([path], response.ErrorPaths);
    }
}
