using CulturalServerless.Application.Webhooks;
using CulturalServerless.Functions.Timers;
using Microsoft.Azure.Functions.Worker;

namespace CulturalServerless.IntegrationTests.Reminders;

/// <summary>Delivery: retries and their record, exactly once under re-runs and racing instances, catch-up, Viet Nam dates.</summary>
public sealed class ReminderDeliveryTests
{
    private const int Year = 2022;
    private static readonly DateOnly DayOfD14 = new(Year, 11, 16);
    private static readonly DateOnly DayOfD7 = new(Year, 11, 23);

    private static Task<ReminderHost> HostAsync(int month = 11) => ReminderHost.StartAsync(new DateTimeOffset(Year, month, 1, 1, 0, 0, TimeSpan.Zero));

    private static async Task<string> AgencyWithWebhookAsync(ReminderHost host, WebhookReceiver receiver, string jurisdiction = "51.522")
    {
        var agency = await host.RegisterAgencyAsync(jurisdiction);
        receiver.Trust(agency, await host.RegisterWebhookAsync(WebhookOwner.Agency(agency), receiver.UrlOf(agency)));
        return agency;
    }

    [Fact]
    public async Task A_failing_webhook_is_tried_three_times_then_recorded_as_failed_and_not_tried_again()
    {
        await using var host = await HostAsync();
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        var agency = await AgencyWithWebhookAsync(host, receiver);
        receiver.Fail(agency, 503);

        host.MorningOf(DayOfD14);
        var summary = await host.RunAsync();
        await host.RunAsync();

        var posts = receiver.To(agency);
        Assert.Equal(3, posts.Count);
        Assert.All(posts, post => Assert.Equal($"{Year}-{agency}-d-14", post.DeliveryId));
        Assert.All(posts, post => Assert.True(post.SignatureValid, post.Problem));
        Assert.Equal(1, summary.Failed);
        var record = await host.Get<IReminderStore>().FindAsync(Year, $"{Year}-{agency}-d-14", CancellationToken.None);
        Assert.Equal(ReminderState.Failed, record!.State);
        Assert.Equal(3, record.Attempts);
        Assert.Contains("503", record.LastError);
        Assert.Equal($"agency:{agency}", record.Recipient);
    }

    [Fact]
    public async Task A_webhook_that_recovers_between_tries_is_delivered_on_a_later_attempt()
    {
        await using var host = await HostAsync();
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        var agency = await AgencyWithWebhookAsync(host, receiver);
        receiver.Fail(agency, 500);
        receiver.RecoverAfter(agency, failures: 1);

        host.MorningOf(DayOfD14);
        await host.RunAsync();

        var record = await host.Get<IReminderStore>().FindAsync(Year, $"{Year}-{agency}-d-14", CancellationToken.None);
        Assert.Equal(ReminderState.Delivered, record!.State);
        Assert.Equal(2, record.Attempts);
        Assert.Equal(2, receiver.To(agency).Count);
    }

    [Fact]
    public async Task A_refusal_such_as_401_is_final_and_not_retried()
    {
        await using var host = await HostAsync();
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        var agency = await AgencyWithWebhookAsync(host, receiver);
        receiver.Fail(agency, 401);

        host.MorningOf(DayOfD14);
        await host.RunAsync();

        Assert.Single(receiver.To(agency));
        var record = await host.Get<IReminderStore>().FindAsync(Year, $"{Year}-{agency}-d-14", CancellationToken.None);
        Assert.Equal(ReminderState.Failed, record!.State);
        Assert.Equal(1, record.Attempts);
    }

    [Fact]
    public async Task Two_instances_running_at_once_send_each_reminder_once()
    {
        await using var host = await HostAsync();
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        var agencies = new List<string>();
        for (var i = 0; i < 30; i++) agencies.Add(await AgencyWithWebhookAsync(host, receiver));
        var other = host.SecondInstance();

        // Three timers at once, and two instances working the queues at once.
        host.MorningOf(DayOfD7);
        await Task.WhenAll(
            host.Get<ReminderService>().RunAsync(CancellationToken.None),
            other.GetRequiredService<ReminderService>().RunAsync(CancellationToken.None),
            host.Get<ReminderService>().RunAsync(CancellationToken.None));
        var runs = await Task.WhenAll(host.DrainAsync(), new ReminderQueueDrain(other).DrainAsync());

        Assert.Equal(30, receiver.Posts.Count);
        Assert.Equal(agencies.Select(a => $"{Year}-{a}-d-7").Order(StringComparer.Ordinal),
            receiver.Posts.Select(p => p.DeliveryId).Order(StringComparer.Ordinal));
        Assert.Equal(30, runs.Sum(r => r.Sent));
        Assert.Equal(60, runs.Sum(r => r.AlreadyHandled));
        Assert.Equal(30, runs.Sum(r => r.Delivered));
    }

    [Fact]
    public async Task A_missed_morning_is_made_up_by_the_next_run_and_a_repeat_run_sends_nothing()
    {
        await using var host = await HostAsync();
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        var agency = await AgencyWithWebhookAsync(host, receiver);

        host.MorningOf(DayOfD14);
        await host.RunAsync();
        // 23 November (d-7) the host was down; the run of the 24th, late in the day, catches up.
        host.Clock.SetUtcNow(new DateTimeOffset(Year, 11, 24, 9, 30, 0, TimeSpan.Zero));
        var catchUp = await host.RunAsync();
        var repeat = await host.RunAsync();

        Assert.Equal([$"{Year}-{agency}-d-14", $"{Year}-{agency}-d-7"], receiver.To(agency).Select(p => p.DeliveryId));
        Assert.Equal(6, (int?)receiver.To(agency)[1].Body["daysLeft"]);
        Assert.Equal(1, catchUp.Sent);
        Assert.Equal(0, repeat.Sent);
        Assert.Equal(1, repeat.AlreadyHandled);
    }

    [Fact]
    public async Task The_day_is_the_day_in_Viet_Nam_not_in_UTC()
    {
        await using var host = await HostAsync();
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        var agency = await AgencyWithWebhookAsync(host, receiver);

        // 22 November 17:30 UTC is 23 November 00:30 in Viet Nam: the d-7 morning has begun there.
        host.Clock.SetUtcNow(new DateTimeOffset(Year, 11, 22, 17, 30, 0, TimeSpan.Zero));
        await host.RunAsync();

        Assert.Equal([$"{Year}-{agency}-d-7"], receiver.To(agency).Select(p => p.DeliveryId));
    }

    [Fact]
    public async Task The_timer_function_runs_the_reminders_also_when_past_due()
    {
        await using var host = await HostAsync();
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        var agency = await AgencyWithWebhookAsync(host, receiver);
        var function = new ReminderFunction(host.Get<ReminderService>(), NullLogger<ReminderFunction>.Instance);

        host.MorningOf(DayOfD7);
        await function.Run(new TimerInfo { IsPastDue = true }, CancellationToken.None);
        await host.DrainAsync();

        Assert.Equal([$"{Year}-{agency}-d-7"], receiver.To(agency).Select(p => p.DeliveryId));
    }

    [Fact]
    public async Task Outside_the_season_nothing_is_sent_or_recorded()
    {
        await using var host = await HostAsync(month: 10);
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        await AgencyWithWebhookAsync(host, receiver);

        host.Clock.SetUtcNow(new DateTimeOffset(Year, 10, 30, 1, 0, 0, TimeSpan.Zero));
        var before = await host.RunAsync();
        host.Clock.SetUtcNow(new DateTimeOffset(Year + 1, 1, 2, 1, 0, 0, TimeSpan.Zero));
        var after = await host.RunAsync();

        Assert.Empty(receiver.Posts);
        Assert.Equal((0, 0), (before.Sent, after.Sent));
        Assert.Equal(1, before.Missing);
    }
}
