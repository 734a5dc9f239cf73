using CulturalServerless.Application.Access;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Paging;
using CulturalServerless.Application.Reminders;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// Reminders in the <c>reminders</c> container, one logical partition per year, so that
/// the deterministic id is unique across the whole year's reminders (docs/data-model.md). The
/// pages a run recorded (<see cref="ReminderRunPage"/>) live beside them, under their own type.
/// </summary>
public sealed class ReminderRepository(Database database) : IReminderStore
{
    private static readonly ItemRequestOptions NoContent = new() { EnableContentResponseOnWrite = false };
    private readonly Container container = database.GetContainer(CosmosContainers.Reminders.Name);

    public async Task<bool> TryCreateAsync(Reminder reminder, CancellationToken cancellationToken) =>
        await container.TryCreateAsync(reminder, reminder.PartitionKey, cancellationToken) is not null;

    public Task<string?> TryReplaceAsync(Reminder reminder, string eTag, CancellationToken cancellationToken) =>
        container.TryReplaceAsync(reminder, reminder.Id, reminder.PartitionKey, eTag, cancellationToken);

    public Task<Stored<Reminder>?> FindStoredAsync(int year, string id, CancellationToken cancellationToken) =>
        container.FindAsync<Reminder>(id, Reminder.PartitionKeyOf(year), cancellationToken);

    public async Task<IReadOnlyList<Reminder>> ListPendingAsync(int year, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var query = new FilteredQuery()
            .Where("c.type = @type", "@type", Reminder.DocumentType)
            .Where("c.state = @pending", "@pending", "pending")
            .Where("c.createdAt < @before", "@before", CosmosQueries.Timestamp(before))
            .Select("SELECT * FROM c");
        var pending = new List<Reminder>();
        await foreach (var reminder in CosmosQueries.ReadAllAsync<Reminder>(container, query, cancellationToken, new PartitionKey(Reminder.PartitionKeyOf(year))))
        {
            pending.Add(reminder);
        }
        return pending;
    }

    public Task UpsertRunPageAsync(ReminderRunPage page, CancellationToken cancellationToken) =>
        container.UpsertItemAsync(page, new PartitionKey(page.PartitionKey), NoContent, cancellationToken);

    public IAsyncEnumerable<ReminderRunPage> ReadRunPagesAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var query = new FilteredQuery()
            .Where("c.type = @type", "@type", ReminderRunPage.DocumentType)
            .Where("c.date = @date", "@date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Select("SELECT * FROM c");
        return CosmosQueries.ReadAllAsync<ReminderRunPage>(container, query, cancellationToken, new PartitionKey(Reminder.PartitionKeyOf(date.Year)));
    }

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
