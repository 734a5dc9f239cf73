using CulturalServerless.Application.Webhooks;
using CulturalServerless.IntegrationTests.Webhooks;

namespace CulturalServerless.IntegrationTests.Reminders;

/// <summary>
/// One run's deliveries share a budget: a receiver that does not answer gets no further post in the
/// run, no post or retry starts once <c>Webhooks__RunBudget</c> is spent, and what was not started
/// is sent by the next run — so one slow receiver cannot starve the others.
/// </summary>
public sealed class ReminderBudgetTests
{
    private const int Year = 2022;
    private static readonly DateOnly DayOfD14 = new(Year, 11, 16);

    private static Task<ReminderHost> HostAsync(IDictionary<string, string?> overrides) =>
        ReminderHost.StartAsync(new DateTimeOffset(Year, 11, 1, 1, 0, 0, TimeSpan.Zero), overrides);

    private static async Task<string> AgencyWithWebhookAsync(ReminderHost host, WebhookReceiver receiver, string jurisdiction)
    {
        var agency = await host.RegisterAgencyAsync(jurisdiction);
        receiver.Trust(agency, await host.RegisterWebhookAsync(WebhookOwner.Agency(agency), receiver.UrlOf(agency)));
        return agency;
    }

    private static Task<Reminder?> RecordAsync(ReminderHost host, string agency) =>
        host.Get<IReminderStore>().FindAsync(Year, $"{Year}-{agency}-d-14", CancellationToken.None);

    [Fact]
    public async Task A_receiver_that_never_answers_costs_one_round_of_posts_and_every_other_receiver_is_delivered()
    {
        await using var silent = TcpProbe.Silent();
        await using var host = await HostAsync(new Dictionary<string, string?>
        {
            ["Webhooks:Timeout"] = "00:00:00.300",
            ["Webhooks:MaxAttempts"] = "2",
        });
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        // Province 51's portal never answers; its agencies have no webhook of their own, so their reminders go there.
        await host.RegisterWebhookAsync(WebhookOwner.Committee("51"), $"http://127.0.0.1:{silent.Port}/hooks/portal");
        var viaSilentPortal = new List<string>();
        var ownReceivers = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            viaSilentPortal.Add(await host.RegisterAgencyAsync("51.522"));
            ownReceivers.Add(await AgencyWithWebhookAsync(host, receiver, "52.540"));
        }

        host.MorningOf(DayOfD14);
        var summary = await host.RunAsync();

        Assert.All(ownReceivers, agency => Assert.Single(receiver.To(agency)));
        foreach (var agency in ownReceivers) Assert.Equal(ReminderState.Delivered, (await RecordAsync(host, agency))!.State);
        var tried = new List<string>();
        foreach (var agency in viaSilentPortal)
        {
            if (await RecordAsync(host, agency) is { } record)
            {
                Assert.Equal((ReminderState.Failed, DeliveryErrors.Timeout), (record.State, record.LastError));
                tried.Add(agency);
            }
        }
        // At most the posts already in flight when the first one timed out (8 at a time), each with its tries.
        Assert.InRange(tried.Count, 1, 8);
        Assert.InRange(silent.Connections, tried.Count, tried.Count * 2);
        // The rest, and province 51's digest, were not started: left for the next run.
        Assert.Equal(12 - tried.Count + 1, summary.Deferred);
        Assert.Equal(12, summary.Delivered);

        // The next morning the city's own committee portal answers: what was left is sent, the stage it was due.
        var cityPortal = await host.RegisterWebhookAsync(WebhookOwner.Committee("51.522"), receiver.UrlOf("portal-51-522"));
        receiver.Trust("portal-51-522", cityPortal);
        host.MorningOf(DayOfD14.AddDays(1));
        await host.RunAsync();

        var madeUp = receiver.To("portal-51-522").Where(p => p.Event == "reminder").Select(p => p.DeliveryId).Order(StringComparer.Ordinal);
        Assert.Equal(viaSilentPortal.Except(tried).Select(a => $"{Year}-{a}-d-14").Order(StringComparer.Ordinal), madeUp);
    }

    [Fact]
    public async Task A_run_whose_budget_is_spent_starts_no_post_and_the_next_run_sends_what_was_left()
    {
        await using var host = await HostAsync(new Dictionary<string, string?> { ["Webhooks:RunBudget"] = "00:00:00" });
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        var agencies = new List<string>();
        for (var i = 0; i < 3; i++) agencies.Add(await AgencyWithWebhookAsync(host, receiver, "51.522"));

        host.MorningOf(DayOfD14);
        var spent = await host.RunAsync();
        var next = await host.SecondInstance(new Dictionary<string, string?> { ["Webhooks:RunBudget"] = "00:15:00" })
            .GetRequiredService<ReminderService>().RunAsync(CancellationToken.None);

        Assert.Equal((0, 3), (spent.Sent, spent.Deferred));
        Assert.Equal((3, 3, 0), (next.Sent, next.Delivered, next.Deferred));
        Assert.Equal(agencies.Select(a => $"{Year}-{a}-d-14").Order(StringComparer.Ordinal),
            receiver.Posts.Select(p => p.DeliveryId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task No_retry_starts_once_the_budget_is_spent()
    {
        await using var host = await HostAsync(new Dictionary<string, string?>
        {
            ["Webhooks:RunBudget"] = "00:00:01",
            ["Webhooks:FirstRetryDelay"] = "00:05:00",
            ["Webhooks:MaxAttempts"] = "3",
        });
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        var agency = await AgencyWithWebhookAsync(host, receiver, "51.522");
        receiver.Fail(agency, 503);

        host.MorningOf(DayOfD14);
        await host.RunAsync();

        var record = (await RecordAsync(host, agency))!;
        Assert.Equal((ReminderState.Failed, 1, "http-503"), (record.State, record.Attempts, record.LastError));
        Assert.Single(receiver.To(agency));
    }
}
