using CulturalServerless.Application.Access;
using CulturalServerless.Application.Paging;
using CulturalServerless.Application.Reminders;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// Reminders in the <c>reminders</c> container, one logical partition per year, so that
/// the deterministic id is unique across the whole year's reminders (docs/data-model.md).
/// </summary>
public sealed class ReminderRepository(Database database) : IReminderStore
{
    private static readonly ItemRequestOptions NoContent = new() { EnableContentResponseOnWrite = false };
    private readonly Container container = database.GetContainer(CosmosContainers.Reminders.Name);

    public async Task<bool> TryCreateAsync(Reminder reminder, CancellationToken cancellationToken) =>
        await container.TryCreateAsync(reminder, reminder.PartitionKey, cancellationToken) is not null;

    public Task ReplaceAsync(Reminder reminder, CancellationToken cancellationToken) =>
        container.ReplaceItemAsync(reminder, reminder.Id, new PartitionKey(reminder.PartitionKey), NoContent, cancellationToken);

    public async Task<Reminder?> FindAsync(int year, string id, CancellationToken cancellationToken) =>
        (await container.FindAsync<Reminder>(id, Reminder.PartitionKeyOf(year), cancellationToken))?.Value;

    public Task<Page<Reminder>> ListAsync(
        int year, string? jurisdiction, string? agencyId, AccessScope? access, string? continuationToken, int pageSize,
        CancellationToken cancellationToken)
    {
        var query = new FilteredQuery().Where("c.type = @type", "@type", Reminder.DocumentType);
        if (jurisdiction is not null) query.WithinJurisdiction(jurisdiction);
        if (agencyId is not null) query.Where("c.agencyId = @agencyId", "@agencyId", agencyId);
        query.InScope(access, "c.agencyId");
        return CosmosPaging.ReadPageAsync<Reminder>(container, query.Select("SELECT * FROM c", "c.createdAt"), continuationToken, pageSize,
            cancellationToken, new PartitionKey(Reminder.PartitionKeyOf(year)));
    }
}
