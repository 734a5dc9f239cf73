using CulturalServerless.Application.Access;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Paging;

namespace CulturalServerless.Application.Reminders;

/// <summary>Where reminders are recorded, one partition per year.</summary>
public interface IReminderStore
{
    /// <summary>Claims the reminder; false when its id is taken: someone already handled it.</summary>
    Task<bool> TryCreateAsync(Reminder reminder, CancellationToken cancellationToken);

    /// <summary>Writes the reminder if it still has <paramref name="eTag"/>; its new ETag, or null when another delivery changed it meanwhile.</summary>
    Task<string?> TryReplaceAsync(Reminder reminder, string eTag, CancellationToken cancellationToken);

    Task<Stored<Reminder>?> FindStoredAsync(int year, string id, CancellationToken cancellationToken);

    async Task<Reminder?> FindAsync(int year, string id, CancellationToken cancellationToken) =>
        (await FindStoredAsync(year, id, cancellationToken))?.Value;

    /// <summary>The year's reminders still <c>pending</c> that were recorded before <paramref name="before"/>: queued once, never finished.</summary>
    Task<IReadOnlyList<Reminder>> ListPendingAsync(int year, DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Records (or records again, when a page is done twice) what one page of a run found.</summary>
    Task UpsertRunPageAsync(ReminderRunPage page, CancellationToken cancellationToken);

    /// <summary>Every page recorded by the run of <paramref name="date"/>.</summary>
    IAsyncEnumerable<ReminderRunPage> ReadRunPagesAsync(DateOnly date, CancellationToken cancellationToken);

    /// <summary>A year's reminders, optionally of a jurisdiction (and under it) or of one agency, oldest first.</summary>
    Task<Page<Reminder>> ListAsync(
        int year, string? jurisdiction, string? agencyId, AccessScope? access, string? continuationToken, int pageSize, CancellationToken cancellationToken);
}
