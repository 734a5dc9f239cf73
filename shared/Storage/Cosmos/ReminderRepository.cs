using System.Globalization;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Paging;
using CulturalServerless.Application.Reminders;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// Reminder records in the <c>reminders</c> container, one logical partition per year, so that
/// the deterministic id is unique across the whole year's reminders (docs/data-model.md).
/// </summary>
public sealed class ReminderRepository(Database database)
{
    private static readonly ItemRequestOptions NoContent = new() { EnableContentResponseOnWrite = false };
    private readonly Container container = database.GetContainer(CosmosContainers.Reminders.Name);

    public static string PartitionKeyOf(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>Claims the reminder; false when its id is taken (409): someone already handled it.</summary>
    public async Task<bool> TryCreateAsync(ReminderRecord record, CancellationToken cancellationToken) =>
        await container.TryCreateAsync(record, record.PartitionKey, cancellationToken) is not null;

    /// <summary>Writes the outcome. Only the run that created a record ever writes it again, so no ETag is needed.</summary>
    public Task ReplaceAsync(ReminderRecord record, CancellationToken cancellationToken) =>
        container.ReplaceItemAsync(record, record.Id, new PartitionKey(record.PartitionKey), NoContent, cancellationToken);

    public async Task<ReminderRecord?> FindAsync(int year, string id, CancellationToken cancellationToken) =>
        (await container.FindAsync<ReminderRecord>(id, PartitionKeyOf(year), cancellationToken))?.Value;

    /// <summary>A year's reminders, optionally of a jurisdiction (and under it) or of one agency, oldest first.</summary>
    public Task<Page<ReminderRecord>> ListAsync(
        int year, string? jurisdiction, string? agencyId, AccessScope? access, string? continuationToken, int pageSize,
        CancellationToken cancellationToken)
    {
        var conditions = new List<string> { "c.type = @type" };
        var parameters = new Dictionary<string, object> { ["@type"] = ReminderRecord.DocumentType };
        if (jurisdiction is not null)
        {
            conditions.Add("(c.jurisdiction = @scope OR STARTSWITH(c.jurisdiction, @under))");
            parameters["@scope"] = jurisdiction;
            parameters["@under"] = jurisdiction + ".";
        }
        if (agencyId is not null)
        {
            conditions.Add("c.agencyId = @agencyId");
            parameters["@agencyId"] = agencyId;
        }
        if (access is not null) conditions.Add(ScopeCondition.Of(access, "c.agencyId", parameters));
        var query = new QueryDefinition($"SELECT * FROM c WHERE {string.Join(" AND ", conditions)} ORDER BY c.createdAt");
        foreach (var (name, value) in parameters) query = query.WithParameter(name, value);
        return CosmosPaging.ReadPageAsync<ReminderRecord>(container, query, continuationToken, pageSize, cancellationToken,
            new PartitionKey(PartitionKeyOf(year)));
    }
}
