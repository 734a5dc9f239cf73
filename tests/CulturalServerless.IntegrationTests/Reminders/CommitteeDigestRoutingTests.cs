using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Functions.Http.Webhooks;
using CulturalServerless.IntegrationTests.Jurisdictions;
using Microsoft.Extensions.Logging.Abstractions;

namespace CulturalServerless.IntegrationTests.Reminders;

/// <summary>
/// Digests go to the committee of the agency's current unit: after 1 July 2025 Kon Tum's (62)
/// agencies count for Quảng Ngãi's committee (51), whether the reorganisation has moved them yet or
/// not; Kon Tum's committee webhook receives nothing, and the reorganisation run says so, every time
/// it runs, with the committee that receives instead.
/// </summary>
public sealed class CommitteeDigestRoutingTests
{
    private static readonly DateOnly Morning = new(2025, 11, 16); // 14 days before the default deadline of 30 November
    private static readonly ReorganisationRequest July2025 = new() { EffectiveDate = new DateOnly(2025, 7, 1) };

    [Fact]
    public async Task After_the_reorganisation_a_defunct_committees_agencies_are_digested_for_its_successor_and_its_webhook_is_reported()
    {
        await using var host = await ReminderHost.StartAsync(new DateTimeOffset(Morning.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        var moved = await RegisterIn2022Async(host, "kt-so-van-hoa", "62");
        var quangNgai = await RegisterIn2022Async(host, "qn-van-phong", "51");
        receiver.Trust("committee-62", await host.RegisterWebhookAsync(WebhookOwner.Committee("62"), receiver.UrlOf("committee-62")));
        var reorganisations = host.Get<ReorganisationService>();

        // Before Quảng Ngãi's committee has a webhook, nobody receives Kon Tum's digests any more: the run says so.
        var first = await reorganisations.ApplyAsync(ReminderHost.Admin, July2025, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal([moved, quangNgai], first.Moved.Select(m => m.AgencyId).Order());
        var unheard = Assert.Single(first.CommitteeWebhooks);
        Assert.Equal(("62", "51", null), (unheard.Owner, unheard.CarriedOnBy, unheard.DigestsTo));
        Assert.Contains("62 (Kon Tum) đã hợp nhất vào 51 (Quảng Ngãi) từ 01/7/2025.", unheard.Reason, StringComparison.Ordinal);
        Assert.Contains("PUT /api/committees/51/webhook", unheard.ReasonEn, StringComparison.Ordinal);
        // The committee's portal reading its webhook is told the same.
        var seen = (await ReadCommitteeWebhookAsync(host, "62"))["unitEnded"]!;
        Assert.Equal(("62", "51", null), ((string?)seen["owner"], (string?)seen["carriedOnBy"], (string?)seen["digestsTo"]));
        Assert.Equal(unheard.ReasonEn, (string?)seen["reasonEn"]);

        receiver.Trust("committee-51", await host.RegisterWebhookAsync(WebhookOwner.Committee("51"), receiver.UrlOf("committee-51")));
        // A portal late to the reorganisation registers an agency of 2022 under Kon Tum: it stays there until the next run.
        var late = await RegisterIn2022Async(host, "kt-van-phong", "62");

        var second = await reorganisations.ApplyAsync(ReminderHost.Admin, July2025, TimeSpan.FromMinutes(1), CancellationToken.None);
        var third = await reorganisations.ApplyAsync(ReminderHost.Admin, July2025, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal([late], second.Moved.Select(m => m.AgencyId));
        Assert.Empty(third.Moved);
        foreach (var run in new[] { second, third })
        {
            var reported = Assert.Single(run.CommitteeWebhooks);
            Assert.Equal(("62", "51", "51"), (reported.Owner, reported.CarriedOnBy, reported.DigestsTo));
            Assert.Contains("committee 51", reported.ReasonEn, StringComparison.Ordinal);
        }
        Assert.Equal("51", (string?)(await ReadCommitteeWebhookAsync(host, "62"))["unitEnded"]!["digestsTo"]);
        Assert.False((await ReadCommitteeWebhookAsync(host, "51")).ContainsKey("unitEnded"));

        // One more agency of 2022 under Kon Tum, registered after the last run: not moved, its digest still goes to 51.
        var unmoved = await RegisterIn2022Async(host, "kt-ban-dan-toc", "62");
        var result = await host.RunAsync();

        Assert.Equal(0, result.Failed);
        Assert.All(receiver.Posts, post => Assert.True(post.SignatureValid, post.Problem));
        Assert.Empty(receiver.To("committee-62"));
        var digest = Assert.Single(receiver.To("committee-51"), p => p.Event == "committee-digest");
        string[] all = [.. new[] { late, moved, quangNgai, unmoved }.Order(StringComparer.Ordinal)];
        Assert.Equal(all, digest.Body["missingAgencies"]!.AsArray().Select(a => (string)a!["agencyId"]!));
        Assert.Equal(4, (int?)digest.Body["missingCount"]);
        Assert.Equal("62", (string?)digest.Body["missingAgencies"]!.AsArray().Single(a => (string)a!["agencyId"]! == unmoved)!["jurisdiction"]);
        // Agencies without a webhook of their own are reminded through the portal of their current unit's committee.
        var reminders = receiver.To("committee-51").Where(p => p.Event == "reminder").Select(p => (string)p.Body["agencyId"]!).Order(StringComparer.Ordinal);
        Assert.Equal(all, reminders);
    }

    [Fact]
    public async Task An_agency_of_an_ended_district_is_digested_for_the_ward_an_admin_named_as_its_successor()
    {
        await using var host = await ReminderHost.StartAsync(new DateTimeOffset(Morning.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        await host.Get<JurisdictionService>().ImportAsync(ReminderHost.Admin, JurisdictionApp.SampleCommunes(), CancellationToken.None);
        receiver.Trust("committee-51", await host.RegisterWebhookAsync(WebhookOwner.Committee("51"), receiver.UrlOf("committee-51")));
        receiver.Trust("committee-ward", await host.RegisterWebhookAsync(WebhookOwner.Committee("51.21211"), receiver.UrlOf("committee-ward")));
        var named = July2025 with { Successions = [new SuccessionEntry("51.522", "51.21211")] };
        await host.Get<ReorganisationService>().ApplyAsync(ReminderHost.Admin, named, TimeSpan.FromMinutes(1), CancellationToken.None);

        // Registered under the city after the run, so not moved: the recorded succession carries its path on.
        var unmoved = await RegisterIn2022Async(host, "tp-qn-van-phong", "51.522");
        var result = await host.RunAsync();

        // Without the succession its path would end at the province: only 51's digest would list it.
        Assert.Equal(0, result.Failed);
        foreach (var committee in new[] { "committee-ward", "committee-51" })
        {
            var digest = Assert.Single(receiver.To(committee), p => p.Event == "committee-digest");
            Assert.Equal([unmoved], digest.Body["missingAgencies"]!.AsArray().Select(a => (string)a!["agencyId"]!));
        }
    }

    private static async Task<JsonObject> ReadCommitteeWebhookAsync(ReminderHost host, string jurisdiction)
    {
        var functions = new WebhookFunctions(host.Get<WebhookService>(), NullLogger<WebhookFunctions>.Instance);
        var request = host.Request(TestTokens.Admin, "GET", $"/api/committees/{jurisdiction}/webhook");
        var response = await HttpCalls.ExecuteAsync(request, functions.GetCommittee(request, jurisdiction, CancellationToken.None));
        Assert.Equal(200, response.Status);
        return response.Json;
    }

    private static async Task<string> RegisterIn2022Async(ReminderHost host, string id, string jurisdiction)
    {
        await host.Get<AgencyService>().RegisterAsync(ReminderHost.Admin, id, new AgencyRegistration
        {
            Name = "Cơ quan " + id,
            ParentBody = "UBND TỈNH",
            Symbol = "VP",
            Jurisdiction = jurisdiction,
            PlaceName = "Kon Tum",
            Signer = new AgencySigner("CHÁNH VĂN PHÒNG", "Nguyễn Văn An"),
            ValidFrom = new DateOnly(2022, 1, 1),
        }, null, CancellationToken.None);
        return id;
    }
}
