using System.Globalization;

namespace CulturalServerless.Application.Reminders;

/// <summary>
/// One step of a reminder run on the <c>reminder-pages</c> queue: a page of agencies (the run's
/// first page has no continuation token), or, once the last page is done, the committees' digests.
/// The page number names the page's record, so a page done twice writes the same record.
/// </summary>
public sealed record ReminderPageMessage(int Year, DateOnly Date, int Page, string? ContinuationToken, bool Digests = false)
{
    public static ReminderPageMessage FirstPage(DateOnly date) => new(date.Year, date, 0, null);
}

/// <summary>One reminder to post, on the <c>reminder-deliveries</c> queue: its record holds everything else.</summary>
public sealed record ReminderDeliveryMessage(int Year, string ReminderId);

/// <summary>The queues a reminder run fans out on; the Functions host delivers each message to its function.</summary>
public interface IReminderQueue
{
    Task EnqueuePageAsync(ReminderPageMessage message, CancellationToken cancellationToken);

    Task EnqueueDeliveryAsync(ReminderDeliveryMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// What one page of a run found, recorded so that the digests are built from what every page
/// recorded, whichever process handled it: the missing agencies of the page (at most one page's worth).
/// </summary>
public sealed record ReminderRunPage
{
    public const string DocumentType = "reminder-run-page";

    public static string IdOf(DateOnly date, int page) =>
        $"{date.Year.ToString(CultureInfo.InvariantCulture)}-run-{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-page-{page.ToString("D6", CultureInfo.InvariantCulture)}";

    public required string Id { get; init; }
    public required string PartitionKey { get; init; }
    public string Type { get; init; } = DocumentType;
    public required DateOnly Date { get; init; }
    public required int Page { get; init; }
    public required IReadOnlyList<MissingAgency> Missing { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}
