using CulturalServerless.Application.Reports;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Functions.Http.Reminders;
using CulturalServerless.Functions.Http.Reports;
using CulturalServerless.Functions.Http.Webhooks;
using static CulturalServerless.IntegrationTests.Auth.TwoProvinces;

namespace CulturalServerless.IntegrationTests.Auth;

/// <summary>
/// The scope rules on report links, webhooks and the reminder list, with two provinces' data: the
/// same callers as the access matrix, the same answers (404 out of scope, 403 for a role that may not).
/// </summary>
public sealed class ReportAndWebhookAccessTests(TwoProvinces world) : IClassFixture<TwoProvinces>
{
    private readonly ReportFunctions reports = new(world.App.Get<ReportLinkService>(), world.App.Get<ReportVerificationService>(), NullLogger<ReportFunctions>.Instance);
    private readonly WebhookFunctions webhooks = new(world.App.Get<WebhookService>(), NullLogger<WebhookFunctions>.Instance);
    private readonly ReminderListFunction reminders = new(world.App.Get<ReminderListService>(), NullLogger<ReminderListFunction>.Instance);

    [Theory]
    [InlineData("reviewer-51", QuangNgaiCityOffice, true)]
    [InlineData("portal-51", QuangNgaiOffice, true)]
    [InlineData("reviewer-52", QuangNgaiOffice, false)]
    [InlineData("desk-of-office", QuangNgaiCityOffice, false)]
    public async Task A_report_link_is_only_for_those_who_may_read_the_assessment(string caller, string agencyId, bool inScope)
    {
        var request = world.App.Request(Token(caller), "GET", $"/api/agencies/{agencyId}/assessments/2022/report");
        var response = await HttpCalls.ExecuteAsync(request, reports.GetLink(request, agencyId, "2022", CancellationToken.None));

        // The report is not rendered in this fixture: in scope says so; out of scope reveals nothing.
        Assert.Equal(404, response.Status);
        Assert.Equal(inScope, response.Json.ContainsKey("reportState"));
    }

    [Theory]
    [InlineData("admin", QuangNgaiOffice, 201)]
    [InlineData("portal-51", QuangNgaiCityOffice, 201)]
    [InlineData("portal-51", BinhDinhOffice, 404)]
    [InlineData("reviewer-51", QuangNgaiCityOffice, 403)]
    [InlineData("desk-of-office", QuangNgaiCityOffice, 404)]
    public async Task An_agencys_webhook_is_registered_by_those_who_may_write_the_agency(string caller, string agencyId, int expected)
    {
        var request = world.App.Request(Token(caller), "PUT", $"/api/agencies/{agencyId}/webhook", """{ "url": "https://portal.example.vn/hooks" }""");
        var response = await HttpCalls.ExecuteAsync(request, webhooks.PutAgency(request, agencyId, CancellationToken.None));

        Assert.Equal(expected, response.Status is 200 ? 201 : response.Status);
    }

    [Theory]
    [InlineData("reviewer-51", "51", 201)]
    [InlineData("reviewer-51.522", "51.522", 201)]
    [InlineData("admin", "51.522", 201)]
    [InlineData("reviewer-51", "51.522", 403)]
    [InlineData("reviewer-51.522", "51", 403)]
    [InlineData("reviewer-52", "51", 403)]
    [InlineData("portal-51", "51", 403)]
    public async Task A_committees_webhook_is_changed_only_by_that_committee_or_an_admin(string caller, string jurisdiction, int expected)
    {
        var response = await PutCommitteeWebhookAsync(caller, jurisdiction, rotate: false);

        Assert.Equal(expected, response.Status is 200 ? 201 : response.Status);
    }

    [Fact]
    public async Task A_province_reviewer_reads_a_district_committees_webhook_but_cannot_redirect_or_rotate_it()
    {
        var registered = await PutCommitteeWebhookAsync("reviewer-51.522", "51.522", rotate: false);
        Assert.True(registered.Status is 200 or 201);

        var redirect = await PutCommitteeWebhookAsync("reviewer-51", "51.522", rotate: false, url: "https://bcd-tinh.example.vn/hooks");
        var rotate = await PutCommitteeWebhookAsync("reviewer-51", "51.522", rotate: true);
        var request = world.App.Request(Token("reviewer-51"), "GET", "/api/committees/51.522/webhook");
        var read = await HttpCalls.ExecuteAsync(request, webhooks.GetCommittee(request, "51.522", CancellationToken.None));

        Assert.Equal((403, "/problems/forbidden"), (redirect.Status, (string?)redirect.Json["type"]));
        Assert.Equal(403, rotate.Status);
        Assert.False(rotate.Json.ContainsKey("secret"));
        Assert.Equal(200, read.Status);
        Assert.Equal("https://bcd.example.vn/hooks", (string?)read.Json["url"]);
    }

    private Task<ApiResponse> PutCommitteeWebhookAsync(string caller, string jurisdiction, bool rotate, string url = "https://bcd.example.vn/hooks")
    {
        var request = world.App.Request(Token(caller), "PUT", $"/api/committees/{jurisdiction}/webhook", new JsonObject { ["url"] = url }.ToJsonString(),
            query: rotate ? "rotateSecret=true" : null);
        return HttpCalls.ExecuteAsync(request, webhooks.PutCommittee(request, jurisdiction, CancellationToken.None));
    }

    [Theory]
    [InlineData("reviewer-51", "jurisdiction=51", 200)]
    [InlineData("reviewer-52", "jurisdiction=51", 403)]
    [InlineData("portal-52", "", 200)]
    [InlineData("unregistered-submitter", "", 403)]
    public async Task The_reminder_list_stays_inside_the_callers_scope(string caller, string filter, int expected)
    {
        var request = world.App.Request(Token(caller), "GET", "/api/reminders", query: "year=2022&" + filter);
        var response = await HttpCalls.ExecuteAsync(request, reminders.Run(request, CancellationToken.None));

        Assert.Equal(expected, response.Status);
    }
}
