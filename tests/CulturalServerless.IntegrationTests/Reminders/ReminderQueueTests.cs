using CulturalServerless.Application.Webhooks;
using CulturalServerless.IntegrationTests.Webhooks;

namespace CulturalServerless.IntegrationTests.Reminders;

/// <summary>
/// The run fanned out on the queues: a receiver that never answers holds only its own deliveries,
/// each try bounded; nothing is lost when a process dies between recording and queueing, or in the
/// middle of a try; a delivery the app keeps failing on is poisoned and recorded, never left pending.
/// </summary>
public sealed class ReminderQueueTests
{
    private const int Year = 2022;
    private static readonly DateOnly DayOfD14 = new(Year, 11, 16);

    private static Task<ReminderHost> HostAsync(IDictionary<string, string?>? overrides = null) =>
        ReminderHost.StartAsync(new DateTimeOffset(Year, 11, 1, 1, 0, 0, TimeSpan.Zero), overrides);

    private static async Task<string> AgencyWithWebhookAsync(ReminderHost host, WebhookReceiver receiver, string jurisdiction = "52.540")
    {
        var agency = await host.RegisterAgencyAsync(jurisdiction);
        receiver.Trust(agency, await host.RegisterWebhookAsync(WebhookOwner.Agency(agency), receiver.UrlOf(agency)));
        return agency;
    }

    private static Task<Reminder?> RecordAsync(ReminderHost host, string agency) =>
        host.Get<IReminderStore>().FindAsync(Year, $"{Year}-{agency}-d-14", CancellationToken.None);

    [Fact]
    public async Task A_receiver_that_never_answers_holds_only_its_own_deliveries_each_try_bounded_by_the_timeout()
    {
        await using var silent = TcpProbe.Silent();
        await using var host = await HostAsync(new Dictionary<string, string?> { ["Webhooks:Timeout"] = "00:00:00.500", ["Webhooks:MaxAttempts"] = "2" });
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        // Province 51's portal never answers; its agencies have no webhook of their own, so their reminders go there.
        await host.RegisterWebhookAsync(WebhookOwner.Committee("51"), $"http://127.0.0.1:{silent.Port}/hooks/portal");
        var viaSilentPortal = new List<string>();
        var ownReceivers = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            viaSilentPortal.Add(await host.RegisterAgencyAsync("51.522"));
            ownReceivers.Add(await AgencyWithWebhookAsync(host, receiver));
        }

        host.MorningOf(DayOfD14);
        var run = await host.RunAsync();

        Assert.All(ownReceivers, agency => Assert.Single(receiver.To(agency)));
        foreach (var agency in ownReceivers) Assert.Equal(ReminderState.Delivered, (await RecordAsync(host, agency))!.State);
        foreach (var agency in viaSilentPortal)
        {
            var record = (await RecordAsync(host, agency))!;
            Assert.Equal((ReminderState.Failed, DeliveryErrors.Timeout, 2), (record.State, record.LastError, record.Attempts));
        }
        // Each reminder to the silent portal and its digest: two tries each, one per delivery of the message.
        Assert.Equal((12 + 1) * 2, silent.Connections);
        Assert.Equal((12, 13, 13), (run.Delivered, run.Failed, run.Retried));
        Assert.InRange(run.LongestDelivery, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_reminder_recorded_but_never_queued_is_queued_again_by_the_next_run_and_delivered_once()
    {
        await using var host = await HostAsync();
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        var agency = await AgencyWithWebhookAsync(host, receiver);
        host.MorningOf(DayOfD14);
        await host.RunAsync();
        var record = (await RecordAsync(host, agency))!;
        Assert.Equal(ReminderState.Delivered, record.State);

        // As a page killed between creating the record and queueing its message leaves it.
        var lost = record with { Id = $"{Year}-{agency}-lost", Stage = "d-lost", State = ReminderState.Pending, Attempts = 0, CompletedAt = null, CreatedAt = host.Clock.GetUtcNow() };
        Assert.True(await host.Get<IReminderStore>().TryCreateAsync(lost, CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromHours(2));
        var next = await host.Get<ReminderService>().RunAsync(CancellationToken.None);
        await host.DrainAsync();

        Assert.Equal(1, next.Reclaimed);
        Assert.Equal([$"{Year}-{agency}-d-14", $"{Year}-{agency}-lost"], receiver.To(agency).Select(p => p.DeliveryId));
        Assert.Equal(ReminderState.Delivered, (await host.Get<IReminderStore>().FindAsync(Year, lost.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task A_try_killed_mid_post_is_left_to_its_lease_and_taken_over_once_the_lease_is_up()
    {
        await using var host = await HostAsync();
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        var agency = await AgencyWithWebhookAsync(host, receiver);
        host.MorningOf(DayOfD14);
        var store = host.Get<IReminderStore>();
        var deliverer = host.Get<ReminderDeliverer>();
        var id = $"{Year}-{agency}-d-14";
        await store.TryCreateAsync(new Reminder
        {
            Id = id, PartitionKey = Reminder.PartitionKeyOf(Year), Event = ReminderEvent.Reminder, Year = Year, AgencyId = agency, AgencyName = agency,
            Jurisdiction = "52.540", Stage = "d-14", Deadline = new DateOnly(Year, 11, 30), DaysLeft = 14, Reason = MissingReason.NotSubmitted,
            State = ReminderState.Pending, Recipient = WebhookOwner.Agency(agency).DocumentId,
            // A process began this try a moment ago and died.
            Attempts = 1, AttemptStartedAt = host.Clock.GetUtcNow(), CreatedAt = host.Clock.GetUtcNow(),
        }, CancellationToken.None);
        var message = new ReminderDeliveryMessage(Year, id);

        var meanwhile = await deliverer.DeliverAsync(message, CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var later = await deliverer.DeliverAsync(message, CancellationToken.None);
        var again = await deliverer.DeliverAsync(message, CancellationToken.None);

        Assert.Equal((DeliveryOutcome.InFlight, DeliveryOutcome.Delivered, DeliveryOutcome.AlreadyDone), (meanwhile, later, again));
        Assert.Single(receiver.To(agency));
        var record = (await store.FindAsync(Year, id, CancellationToken.None))!;
        Assert.Equal((ReminderState.Delivered, 2, (DateTimeOffset?)null), (record.State, record.Attempts, record.AttemptStartedAt));
    }

    [Fact]
    public async Task A_delivery_the_app_fails_on_every_time_goes_to_poison_and_is_recorded_failed_not_left_pending()
    {
        await using var host = await HostAsync();
        await using var receiver = await WebhookReceiver.StartAsync(host.Clock);
        var agency = await AgencyWithWebhookAsync(host, receiver);
        // Its secret no longer decrypts (moved from another subscription's document): nothing can be signed.
        var subscriptions = host.Get<IWebhookSubscriptionStore>();
        var stored = (await subscriptions.FindAsync(WebhookOwner.Agency(agency).DocumentId, CancellationToken.None))!;
        var foreign = await host.Get<WebhookSecretProtector>().ProtectAsync(WebhookSignature.NewSecret(), "agency:someone-else", CancellationToken.None);
        Assert.True(await subscriptions.TryReplaceAsync(stored.Value with { ProtectedSecret = foreign }, stored.ETag, CancellationToken.None));

        host.MorningOf(DayOfD14);
        var run = await host.RunAsync();

        Assert.Empty(receiver.To(agency));
        Assert.Equal((ReminderQueueDrain.MaxDequeueCount - 1, 1), (run.Retried, run.Poisoned));
        var record = (await RecordAsync(host, agency))!;
        Assert.Equal((ReminderState.Failed, ReminderDeliverer.Poisoned, 0), (record.State, record.LastError, record.Attempts));
        // Listed for the portals and operators like any failed reminder.
        var listed = await host.Get<IReminderStore>().ListAsync(Year, null, agency, null, null, 10, CancellationToken.None);
        Assert.Equal(ReminderDeliverer.Poisoned, Assert.Single(listed.Items).LastError);
    }
}
