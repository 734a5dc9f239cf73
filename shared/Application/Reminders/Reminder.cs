using CulturalServerless.Application.Assessments;
using System.Globalization;

namespace CulturalServerless.Application.Reminders;

/// <summary>
/// One reminder to one agency (or one committee digest) for one stage, recorded before it is sent.
/// The id is deterministic — <c>{year}-{agencyId}-{stage}</c>, <c>{year}-digest-{jurisdiction}-{date}</c>
/// — so a second run, a second instance or a catch-up run finds it taken (409) and sends nothing.
/// </summary>
public sealed record Reminder
{
    public const string DocumentType = "reminder";

    public static string PartitionKeyOf(int year) => year.ToString(CultureInfo.InvariantCulture);

    public required string Id { get; init; }
    /// <summary>The year: see docs/data-model.md for why one partition per year.</summary>
    public required string PartitionKey { get; init; }
    public string Type { get; init; } = DocumentType;
    public required ReminderEvent Event { get; init; }
    public required int Year { get; init; }
    /// <summary>The agency reminded; null on a committee digest.</summary>
    public string? AgencyId { get; init; }
    public string? AgencyName { get; init; }
    /// <summary>The agency's jurisdiction, or the committee's on a digest.</summary>
    public required string Jurisdiction { get; init; }
    public required string Stage { get; init; }
    public required DateOnly Deadline { get; init; }
    /// <summary>Days from the run's date to the deadline: negative once overdue.</summary>
    public required int DaysLeft { get; init; }
    /// <summary>Why the agency is reminded; null on a digest.</summary>
    public MissingReason? Reason { get; init; }
    /// <summary>The digest's agencies, at most <see cref="ReminderPageWorker.DigestListLimit"/>; see <see cref="MissingCount"/> for all.</summary>
    public IReadOnlyList<MissingAgency>? MissingAgencies { get; init; }
    public int? MissingCount { get; init; }
    /// <summary>On a digest: where the appraisals of the committee's submitted assessments of the year stand.</summary>
    public AppraisalCounts? Appraisals { get; init; }
    public required ReminderState State { get; init; }
    /// <summary>The subscription it went to: <c>agency:{id}</c>, or <c>committee:{jurisdiction}</c> for a portal.</summary>
    public string? Recipient { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    /// <summary>When the try under way began; another delivery of the same reminder leaves it alone until that try must have ended.</summary>
    public DateTimeOffset? AttemptStartedAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
}

public enum ReminderEvent
{
    Reminder,
    CommitteeDigest,
}

public enum ReminderState
{
    /// <summary>Recorded and queued for delivery (or between tries); a later run queues it again if its message was lost.</summary>
    Pending,
    Delivered,
    Failed,
    /// <summary>No webhook to post to: the reminder waits for a portal that polls <c>GET /api/reminders</c>.</summary>
    NoWebhook,
}

public enum MissingReason
{
    NotSubmitted,
    ReportFailed,
}

/// <summary>An agency that has not submitted for the year, as a digest lists it.</summary>
public sealed record MissingAgency(string AgencyId, string Name, string Jurisdiction, MissingReason Reason);
