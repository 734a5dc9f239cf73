using CulturalServerless.Application.Webhooks;
using CulturalServerless.Functions.Http.Reminders;

namespace CulturalServerless.IntegrationTests.Reminders;

/// <summary>
/// A whole season with the default rules (deadline 30 November; 30, 14, 7 and 1 days before;
/// weekly while overdue until 31 December): the clock walks from 1 November to 31 December, the
/// run goes at 08:00 Viet Nam time each day, and a real receiver checks every post.
/// </summary>
public sealed class ReminderSeasonTests
{
    // The year the shipped rubric (co-quan-2022) covers, so that agencies can really submit.
    private const int Year = 2022;

    // 31 October (30 days before) lies before the walk, so the first morning makes that stage up.
    private static readonly (string Stage, DateOnly Day)[] EveryStage =
    [
        ("d-30", new(Year, 11, 1)), ("d-14", new(Year, 11, 16)), ("d-7", new(Year, 11, 23)), ("d-1", new(Year, 11, 29)),
        ("overdue-2022-12-07", new(Year, 12, 7)), ("overdue-2022-12-14", new(Year, 12, 14)),
        ("overdue-2022-12-21", new(Year, 12, 21)), ("overdue-2022-12-28", new(Year, 12, 28)),
    ];

    [Fact]
    public async Task Each_stage_goes_out_on_its_day_once_and_stops_when_the_agency_submits()
    {
        var first = new DateOnly(Year, 11, 1);
        await using var host = await ReminderHost.StartAsync(new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);

        var late = await host.RegisterAgencyAsync("51.522");
        var submitter = await host.RegisterAgencyAsync("51.522");
        var failed = await host.RegisterAgencyAsync("51.523");
        var viaPortal = await host.RegisterAgencyAsync("51.524");
        var polling = await host.RegisterAgencyAsync("52.001");
        var early = await host.RegisterAgencyAsync("51.522");
        await host.SubmitAsync(early, Year);
        await host.SubmitAsync(failed, Year);
        await host.FailReportAsync(failed, Year);
        foreach (var agency in new[] { late, submitter, failed, early })
        {
            receiver.Trust(agency, await host.RegisterWebhookAsync(WebhookOwner.Agency(agency), receiver.UrlOf(agency)));
        }
        receiver.Trust("committee-51", await host.RegisterWebhookAsync(WebhookOwner.Committee("51"), receiver.UrlOf("committee-51")));

        var submitDay = new DateOnly(Year, 11, 20);
        for (var day = first; day <= new DateOnly(Year, 12, 31); day = day.AddDays(1))
        {
            host.MorningOf(day);
            if (day == submitDay) await host.SubmitAsync(submitter, Year);
            await host.RunAsync();
        }

        Assert.All(receiver.Posts, post => Assert.True(post.SignatureValid, post.Problem));
        Assert.Equal(Expected(late), Received(receiver, late));
        Assert.Equal(Expected(failed), Received(receiver, failed));
        Assert.Equal(Expected(submitter).Where(r => r.Day < submitDay), Received(receiver, submitter));
        Assert.Empty(receiver.To(early));
        Assert.All(receiver.To(failed), post => Assert.Equal("report-failed", (string?)post.Body["reason"]));
        Assert.All(receiver.To(late), post => Assert.Equal("not-submitted", (string?)post.Body["reason"]));

        // The agency without a webhook of its own is reminded through its province committee's portal.
        var committee = receiver.To("committee-51");
        Assert.Equal(Expected(viaPortal),
            committee.Where(p => p.Event == "reminder").Select(p => (p.DeliveryId, p.Day)));
        Assert.All(committee.Where(p => p.Event == "reminder"), post => Assert.Equal(viaPortal, (string?)post.Body["agencyId"]));

        // The committee's digest: every morning of the walk, listing its missing agencies.
        var digests = committee.Where(p => p.Event == "committee-digest").ToList();
        Assert.Equal(61, digests.Count);
        Assert.Equal(61, digests.Select(d => d.Day).Distinct().Count());
        Assert.All(digests, digest =>
        {
            var expected = new[] { late, failed, viaPortal }.Concat(digest.Day < submitDay ? new[] { submitter } : Array.Empty<string>()).Order(StringComparer.Ordinal);
            Assert.Equal(expected, digest.Body["missingAgencies"]!.AsArray().Select(a => (string)a!["agencyId"]!));
            Assert.Equal(expected.Count(), (int?)digest.Body["missingCount"]);
            Assert.Equal($"{Year}-digest-51-{digest.Day:yyyy-MM-dd}", digest.DeliveryId);
            // Counted from the heads: early and failed submitted before the walk, submitter on its day; none appraised yet.
            var appraisals = digest.Body["appraisals"]!;
            Assert.Equal(digest.Day < submitDay ? 2 : 3, (int?)appraisals["notStarted"]);
            Assert.All(new[] { "firstRound", "explanationRequested", "secondRound", "met", "notMet" }, state => Assert.Equal(0, (int?)appraisals[state]));
        });

        // The agency nobody posts to: every stage recorded for its portal to poll.
        var list = new ReminderListFunction(host.Get<ReminderListService>(), NullLogger<ReminderListFunction>.Instance);
        var request = host.Request(TestTokens.Admin, "GET", "/api/reminders", query: $"year={Year}&agencyId={polling}");
        var page = await HttpCalls.ExecuteAsync(request, list.Run(request, CancellationToken.None));
        Assert.Equal(200, page.Status);
        var records = page.Json["items"]!.AsArray();
        Assert.Equal(EveryStage.Select(s => s.Stage), records.Select(r => (string)r!["stage"]!));
        Assert.All(records, r => Assert.Equal("no-webhook", (string?)r!["state"]));
    }

    private static IEnumerable<(string DeliveryId, DateOnly Day)> Expected(string agencyId) =>
        EveryStage.Select(s => ($"{Year}-{agencyId}-{s.Stage}", s.Day));

    private static IEnumerable<(string DeliveryId, DateOnly Day)> Received(WebhookReceiver receiver, string name) =>
        receiver.To(name).Select(p => (p.DeliveryId, p.Day));
}
