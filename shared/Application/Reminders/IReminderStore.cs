using CulturalServerless.Application.Access;
using CulturalServerless.Application.Paging;

namespace CulturalServerless.Application.Reminders;

/// <summary>Where reminders are recorded, one partition per year.</summary>
public interface IReminderStore
{
    /// <summary>Claims the reminder; false when its id is taken: someone already handled it.</summary>
    Task<bool> TryCreateAsync(Reminder reminder, CancellationToken cancellationToken);

    /// <summary>Writes the outcome. Only the run that created a reminder writes it again, so no ETag is needed.</summary>
    Task ReplaceAsync(Reminder reminder, CancellationToken cancellationToken);

    Task<Reminder?> FindAsync(int year, string id, CancellationToken cancellationToken);

    /// <summary>A year's reminders, optionally of a jurisdiction (and under it) or of one agency, oldest first.</summary>
    Task<Page<Reminder>> ListAsync(
        int year, string? jurisdiction, string? agencyId, AccessScope? access, string? continuationToken, int pageSize, CancellationToken cancellationToken);
}
