using System.Globalization;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Application.Webhooks;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Reminders;

/// <summary>What one page message did; the page function logs it, the tests and the load harness add them up.</summary>
public sealed record ReminderPageSummary(int Agencies, int Missing, int Queued, int NoWebhook, int AlreadyHandled, int Digests);

/// <summary>
/// One step of a reminder run, from the <c>reminder-pages</c> queue. A page: the next 100
/// registered agencies; those without a submitted assessment for the year (or whose report failed)
/// are recorded on the page's record; the next page is queued (or, after the last, the digests);
/// and each missing agency is given the stage due on the run's date as a reminder record, created
/// first (its id is the claim: a page done twice, or two runs, create it once) and then queued for
/// delivery. The digests: each subscribed committee's missing agencies, read back from the pages
/// the run recorded, as one more reminder each; an agency counts for the committees of its current
/// unit (<see cref="CommitteeDigests"/>), and a committee webhook whose unit has ended is logged, not posted to. No step posts anything, so each takes seconds.
/// </summary>
public sealed partial class ReminderPageWorker(
    IAgencyStore agencies,
    IAssessmentStore assessments,
    IWebhookSubscriptionStore subscriptions,
    JurisdictionCatalogue catalogue,
    IReminderStore reminders,
    IReminderQueue queue,
    ReminderCalendar calendar,
    TimeProvider clock,
    ILogger<ReminderPageWorker> logger)
{
    /// <summary>Agencies per page: bounds memory, and the id list of the one status query per page.</summary>
    public const int PageSize = 100;

    /// <summary>Agencies listed by name in one digest; the count covers all.</summary>
    public const int DigestListLimit = 200;

    /// <summary>Records written at once: the page's creates and enqueues overlap, without opening a connection per agency.</summary>
    private const int WriteConcurrency = 16;

    public Task<ReminderPageSummary> HandleAsync(ReminderPageMessage message, CancellationToken cancellationToken) =>
        message.Digests ? QueueDigestsAsync(message.Date, cancellationToken) : RemindPageAsync(message, cancellationToken);

    private async Task<ReminderPageSummary> RemindPageAsync(ReminderPageMessage message, CancellationToken cancellationToken)
    {
        var date = message.Date;
        var page = await agencies.ListEntriesAsync(message.ContinuationToken, PageSize, cancellationToken);
        var heads = await assessments.FindStatusesAsync(date.Year, page.Items.Select(a => a.Id).ToList(), cancellationToken);
        var missing = new List<MissingAgency>();
        var due = new List<(AgencyEntry Agency, MissingReason Reason, ReminderRules Rules, ReminderStage Stage)>();
        foreach (var agency in page.Items)
        {
            MissingReason? reason = heads.TryGetValue(agency.Id, out var status)
                ? status == AssessmentStatus.ReportFailed ? MissingReason.ReportFailed : null
                : MissingReason.NotSubmitted;
            if (reason is null) continue;
            missing.Add(new MissingAgency(agency.Id, agency.Name, agency.Jurisdiction, reason.Value));
            var rules = calendar.For(agency.Jurisdiction, date.Year);
            if (rules.DueStage(date) is { } stage) due.Add((agency, reason.Value, rules, stage));
        }
        await reminders.UpsertRunPageAsync(new ReminderRunPage
        {
            Id = ReminderRunPage.IdOf(date, message.Page),
            PartitionKey = Reminder.PartitionKeyOf(date.Year),
            Date = date,
            Page = message.Page,
            Missing = missing,
            RecordedAt = clock.GetUtcNow(),
        }, cancellationToken);
        // The next page is queued once this one's record is written, before its reminders: pages
        // overlap instead of waiting for each other, and every page's record exists before the
        // digests (queued by the last page) read them. A page killed after this is done again from
        // its message: its creates find their reminders taken, and the next page is queued twice,
        // which costs a page done twice and sends nothing twice.
        await queue.EnqueuePageAsync(page.ContinuationToken is { } next
            ? message with { Page = message.Page + 1, ContinuationToken = next }
            : message with { ContinuationToken = null, Digests = true }, cancellationToken);

        var tally = new Tally();
        if (due.Count > 0)
        {
            var portals = new CommitteeDigests(await subscriptions.ListCommitteesAsync(cancellationToken), await catalogue.GetAsync(cancellationToken), date);
            var own = await subscriptions.FindManyAsync(due.Select(d => WebhookOwner.Agency(d.Agency.Id).DocumentId).ToList(), cancellationToken);
            await Parallel.ForEachAsync(due, Parallelism(cancellationToken), async (item, token) =>
            {
                var recipient = own.GetValueOrDefault(WebhookOwner.Agency(item.Agency.Id).DocumentId) ?? portals.PortalOf(item.Agency.Jurisdiction);
                tally.Count(await RecordAndQueueAsync(AgencyReminder(item.Agency, item.Reason, item.Rules, item.Stage, date), recipient, token));
            });
        }
        var summary = tally.Summary(page.Items.Count, missing.Count, digests: 0);
        LogPage(date, message.Page, summary.Agencies, summary.Missing, summary.Queued, summary.NoWebhook, summary.AlreadyHandled);
        return summary;
    }

    private async Task<ReminderPageSummary> QueueDigestsAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var digests = new CommitteeDigests(await subscriptions.ListCommitteesAsync(cancellationToken), await catalogue.GetAsync(cancellationToken), date);
        foreach (var ended in digests.Ended)
        {
            LogEndedCommittee(date, ended.Subscription.Id, ended.Check.MessageEn, ended.CarriedOnBy);
        }
        var pages = 0;
        await foreach (var page in reminders.ReadRunPagesAsync(date, cancellationToken))
        {
            pages++;
            foreach (var agency in page.Missing) digests.Add(agency);
        }
        var tally = new Tally();
        foreach (var digest in digests.NonEmpty)
        {
            var rules = calendar.For(digest.Subscription.Owner, date.Year);
            if (!rules.InSeason(date)) continue;
            var appraisals = await assessments.CountAppraisalsAsync(date.Year, digest.Subscription.Owner, cancellationToken);
            tally.Count(await RecordAndQueueAsync(DigestReminder(digest, rules, date, appraisals), digest.Subscription, cancellationToken));
        }
        var summary = tally.Summary(0, 0, tally.Created);
        LogDigests(date, pages, summary.Queued, summary.AlreadyHandled);
        return summary;
    }

    /// <summary>Creates the record (the claim) and queues its delivery; a reminder with nowhere to go is recorded for polling.</summary>
    private async Task<Outcome> RecordAndQueueAsync(Reminder reminder, WebhookSubscription? recipient, CancellationToken cancellationToken)
    {
        var record = reminder with
        {
            State = recipient is null ? ReminderState.NoWebhook : ReminderState.Pending,
            Recipient = recipient?.Id,
            CompletedAt = recipient is null ? reminder.CreatedAt : null,
        };
        if (!await reminders.TryCreateAsync(record, cancellationToken)) return Outcome.AlreadyHandled;
        if (recipient is null) return Outcome.NoWebhook;
        // A process killed between the create and this leaves the reminder pending without a
        // message: the next run's reclaim (Reminders__ReclaimAfter) queues it again.
        await queue.EnqueueDeliveryAsync(new ReminderDeliveryMessage(record.Year, record.Id), cancellationToken);
        return Outcome.Queued;
    }

    private Reminder AgencyReminder(AgencyEntry agency, MissingReason reason, ReminderRules rules, ReminderStage stage, DateOnly date) => new()
    {
        Id = ReminderIds.Agency(date.Year, agency.Id, stage.Name),
        PartitionKey = Reminder.PartitionKeyOf(date.Year),
        Event = ReminderEvent.Reminder,
        Year = date.Year,
        AgencyId = agency.Id,
        AgencyName = agency.Name,
        Jurisdiction = agency.Jurisdiction,
        Stage = stage.Name,
        Deadline = rules.Deadline,
        DaysLeft = rules.Deadline.DayNumber - date.DayNumber,
        Reason = reason,
        State = ReminderState.Pending,
        CreatedAt = clock.GetUtcNow(),
    };

    private Reminder DigestReminder(CommitteeDigests.Digest digest, ReminderRules rules, DateOnly date, AppraisalCounts appraisals) => new()
    {
        Id = ReminderIds.Digest(date.Year, digest.Subscription.Owner, date),
        PartitionKey = Reminder.PartitionKeyOf(date.Year),
        Event = ReminderEvent.CommitteeDigest,
        Year = date.Year,
        Jurisdiction = digest.Subscription.Owner,
        Stage = "digest-" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Deadline = rules.Deadline,
        DaysLeft = rules.Deadline.DayNumber - date.DayNumber,
        MissingCount = digest.Count,
        MissingAgencies = digest.Agencies,
        Appraisals = appraisals,
        State = ReminderState.Pending,
        CreatedAt = clock.GetUtcNow(),
    };

    private static ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = WriteConcurrency, CancellationToken = cancellationToken };

    private enum Outcome
    {
        Queued,
        NoWebhook,
        AlreadyHandled,
    }

    private sealed class Tally
    {
        private int queued;
        private int noWebhook;
        private int alreadyHandled;

        public int Created => queued + noWebhook;

        public void Count(Outcome outcome)
        {
            switch (outcome)
            {
                case Outcome.Queued: Interlocked.Increment(ref queued); break;
                case Outcome.NoWebhook: Interlocked.Increment(ref noWebhook); break;
                case Outcome.AlreadyHandled: Interlocked.Increment(ref alreadyHandled); break;
            }
        }

        public ReminderPageSummary Summary(int agencies, int missing, int digests) =>
            new(agencies, missing, queued, noWebhook, alreadyHandled, digests);
    }

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Reminder run for {Date}, page {Page}: {Agencies} agencies, {Missing} missing, {Queued} queued for delivery, {NoWebhook} without webhook, {AlreadyHandled} already handled")]
    private partial void LogPage(DateOnly date, int page, int agencies, int missing, int queued, int noWebhook, int alreadyHandled);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Reminder run for {Date}: committee webhook {Subscription} receives no digest, its unit has ended ({Reason}); its agencies count for the committee of {CarriedOnBy}")]
    private partial void LogEndedCommittee(DateOnly date, string subscription, string reason, string carriedOnBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder run for {Date}: digests from {Pages} recorded pages, {Queued} queued, {AlreadyHandled} already handled")]
    private partial void LogDigests(DateOnly date, int pages, int queued, int alreadyHandled);
}
