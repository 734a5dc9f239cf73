using System.Globalization;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Calendar;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CulturalServerless.Application.Reminders;

/// <summary>What one run did; the timer logs it, the load harness prints it.</summary>
public sealed record ReminderRunSummary(
    DateOnly Date, int Year, int Agencies, int Missing, int Sent, int Delivered, int Failed, int NoWebhook, int AlreadyHandled, int Digests,
    int Deferred);

/// <summary>
/// The daily reminder run: pages through every registered agency, finds those without a submitted
/// assessment for the current year (or whose report failed), and sends each the stage due today;
/// then each subscribed committee its digest. Safe to repeat: every send is claimed in Cosmos DB first.
/// Deliveries share one budget per run (<see cref="DeliveryRun"/>): a receiver that does not answer
/// gets no further post in the run, and after <c>Webhooks__RunBudget</c> no post starts, so one
/// slow receiver cannot hold the run past the host's timeout and starve the receivers after it.
/// </summary>
public sealed partial class ReminderService(
    IAgencyStore agencies,
    IAssessmentStore assessments,
    IWebhookSubscriptionStore subscriptions,
    ReminderCalendar calendar,
    ReminderDispatcher dispatcher,
    IOptions<WebhookDeliveryOptions> delivery,
    TimeProvider clock,
    ILogger<ReminderService> logger)
{
    /// <summary>Agencies per page: bounds memory, and the id list of the one status query per page.</summary>
    public const int PageSize = 100;

    /// <summary>Agencies listed by name in one digest; the count covers all.</summary>
    public const int DigestListLimit = 200;

    /// <summary>Posts in flight at once: receivers are slow, but a run must not open hundreds of connections.</summary>
    private const int DeliveryConcurrency = 8;

    public async Task<ReminderRunSummary> RunAsync(CancellationToken cancellationToken)
    {
        var today = VietnamCalendar.Today(clock);
        var year = today.Year;
        var digests = new CommitteeDigests(await subscriptions.ListCommitteesAsync(cancellationToken));
        var tally = new Tally();
        using var run = new DeliveryRun(delivery.Value.RunBudget);
        LogStarted(today, year);
        string? continuationToken = null;
        do
        {
            var page = await agencies.ListEntriesAsync(continuationToken, PageSize, cancellationToken);
            await RemindPageAsync(page.Items, today, digests, tally, run, cancellationToken);
            continuationToken = page.ContinuationToken;
        }
        while (continuationToken is not null);

        await Parallel.ForEachAsync(digests.NonEmpty, Parallelism(cancellationToken), async (digest, token) =>
        {
            var rules = calendar.For(digest.Subscription.Owner, year);
            if (!rules.InSeason(today)) return;
            var reminder = DigestReminder(digest, rules, today);
            tally.Count(await dispatcher.SendOnceAsync(reminder, digest.Subscription, run, token), digest: true);
        });

        var summary = tally.Summary(today, year);
        LogFinished(summary.Date, summary.Agencies, summary.Missing, summary.Sent, summary.Delivered, summary.Failed,
            summary.NoWebhook, summary.AlreadyHandled, summary.Digests, summary.Deferred);
        return summary;
    }

    private async Task RemindPageAsync(
        IReadOnlyList<AgencyEntry> page, DateOnly today, CommitteeDigests digests, Tally tally, DeliveryRun run, CancellationToken cancellationToken)
    {
        var heads = await assessments.FindStatusesAsync(today.Year, page.Select(a => a.Id).ToList(), cancellationToken);
        var due = new List<(AgencyEntry Agency, MissingReason Reason, ReminderRules Rules, ReminderStage Stage)>();
        foreach (var agency in page)
        {
            Interlocked.Increment(ref tally.Agencies);
            MissingReason? reason = heads.TryGetValue(agency.Id, out var status)
                ? status == AssessmentStatus.ReportFailed ? MissingReason.ReportFailed : null
                : MissingReason.NotSubmitted;
            if (reason is null) continue;
            Interlocked.Increment(ref tally.Missing);
            digests.Add(new MissingAgency(agency.Id, agency.Name, agency.Jurisdiction, reason.Value));
            var rules = calendar.For(agency.Jurisdiction, today.Year);
            if (rules.DueStage(today) is { } stage) due.Add((agency, reason.Value, rules, stage));
        }
        if (due.Count == 0) return;
        var own = await subscriptions.FindManyAsync(
            due.Select(d => WebhookOwner.Agency(d.Agency.Id).DocumentId).ToList(), cancellationToken);
        await Parallel.ForEachAsync(due, Parallelism(cancellationToken), async (item, token) =>
        {
            var recipient = own.GetValueOrDefault(WebhookOwner.Agency(item.Agency.Id).DocumentId) ?? digests.PortalOf(item.Agency.Jurisdiction);
            var reminder = AgencyReminder(item.Agency, item.Reason, item.Rules, item.Stage, today);
            tally.Count(await dispatcher.SendOnceAsync(reminder, recipient, run, token), digest: false);
        });
    }

    private Reminder AgencyReminder(AgencyEntry agency, MissingReason reason, ReminderRules rules, ReminderStage stage, DateOnly today) => new()
    {
        Id = ReminderIds.Agency(today.Year, agency.Id, stage.Name),
        PartitionKey = Reminder.PartitionKeyOf(today.Year),
        Event = ReminderEvent.Reminder,
        Year = today.Year,
        AgencyId = agency.Id,
        AgencyName = agency.Name,
        Jurisdiction = agency.Jurisdiction,
        Stage = stage.Name,
        Deadline = rules.Deadline,
        DaysLeft = rules.Deadline.DayNumber - today.DayNumber,
        Reason = reason,
        State = ReminderState.Pending,
        CreatedAt = clock.GetUtcNow(),
    };

    private Reminder DigestReminder(CommitteeDigests.Digest digest, ReminderRules rules, DateOnly today)
    {
        var stage = "digest-" + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Reminder
        {
            Id = ReminderIds.Digest(today.Year, digest.Subscription.Owner, today),
            PartitionKey = Reminder.PartitionKeyOf(today.Year),
            Event = ReminderEvent.CommitteeDigest,
            Year = today.Year,
            Jurisdiction = digest.Subscription.Owner,
            Stage = stage,
            Deadline = rules.Deadline,
            DaysLeft = rules.Deadline.DayNumber - today.DayNumber,
            MissingCount = digest.Count,
            MissingAgencies = digest.Agencies.OrderBy(a => a.AgencyId, StringComparer.Ordinal).ToList(),
            State = ReminderState.Pending,
            CreatedAt = clock.GetUtcNow(),
        };
    }

    private static ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = DeliveryConcurrency, CancellationToken = cancellationToken };

    private sealed class Tally
    {
        public int Agencies;
        public int Missing;
        private int sent;
        private int delivered;
        private int failed;
        private int noWebhook;
        private int alreadyHandled;
        private int digests;

        private int deferred;

        public void Count(DispatchOutcome outcome, bool digest)
        {
            switch (outcome)
            {
                case DispatchOutcome.AlreadyHandled: Interlocked.Increment(ref alreadyHandled); return;
                case DispatchOutcome.Deferred: Interlocked.Increment(ref deferred); return;
            }
            Interlocked.Increment(ref sent);
            if (digest) Interlocked.Increment(ref digests);
            switch (outcome)
            {
                case DispatchOutcome.Delivered: Interlocked.Increment(ref delivered); break;
                case DispatchOutcome.Failed: Interlocked.Increment(ref failed); break;
                case DispatchOutcome.NoWebhook: Interlocked.Increment(ref noWebhook); break;
            }
        }

        public ReminderRunSummary Summary(DateOnly date, int year) =>
            new(date, year, Agencies, Missing, sent, delivered, failed, noWebhook, alreadyHandled, digests, deferred);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder run for {Date} (year {Year}) started")]
    private partial void LogStarted(DateOnly date, int year);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Reminder run for {Date}: {Agencies} agencies, {Missing} missing, {Sent} sent ({Delivered} delivered, {Failed} failed, {NoWebhook} without webhook), {AlreadyHandled} already handled, {Digests} digests, {Deferred} left for the next run")]
    private partial void LogFinished(DateOnly date, int agencies, int missing, int sent, int delivered, int failed, int noWebhook, int alreadyHandled, int digests, int deferred);
}
