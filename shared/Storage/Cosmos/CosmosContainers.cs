namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// A Cosmos DB container of the data model: the path of its partition key and the paths whose
/// values are unique within a logical partition.
/// </summary>
public sealed record CosmosContainerDefinition(string Name, string PartitionKeyPath, params string[] UniqueKeyPaths);

/// <summary>
/// Every container the app uses. The data model (docs/data-model.md) explains each partition key;
/// infra/ creates the same containers in Azure, and local start-up creates them in the emulator.
/// </summary>
public static class CosmosContainers
{
    public static readonly CosmosContainerDefinition Agencies = new("agencies", "/id");
    /// <summary>
    /// One logical partition per agency-year (<c>{agencyId}|{year}</c>): the head document and every
    /// version. <c>/idempotencyKey</c> is unique per partition, so a retried submission cannot
    /// become a second version.
    /// </summary>
    public static readonly CosmosContainerDefinition Assessments = new("assessments", "/partitionKey", "/idempotencyKey");

    /// <summary>
    /// Document-number counters, one document and partition per issuing agency and calendar year
    /// (<c>{agencyId}|{year}</c>): numbering restarts each 1 January and each agency has its own.
    /// </summary>
    public static readonly CosmosContainerDefinition Counters = new("counters", "/partitionKey");

    /// <summary>Reminder records, one logical partition per year (<c>/partitionKey</c> = the year).</summary>
    public static readonly CosmosContainerDefinition Reminders = new("reminders", "/partitionKey");
    /// <summary>
    /// Records about the API's client applications, by id; each kind has its own <c>type</c> and id
    /// prefix: the registry of API clients (<c>api-client:{clientId}</c>) and webhook subscriptions of
    /// agencies and committees (<c>agency:{id}</c>, <c>committee:{code}</c>). Partitioned by id because
    /// every look-up is a point read.
    /// </summary>
    public static readonly CosmosContainerDefinition Clients = new("clients", "/id");

    /// <summary>
    /// The districts and communes an admin imported into the catalogue of administrative units, one
    /// document per province (<c>units:{province}</c>), by id: the catalogue is read whole and cached.
    /// </summary>
    public static readonly CosmosContainerDefinition Jurisdictions = new("jurisdictions", "/id");

    /// <summary>Recognition decisions, by id: every read is a point read; the few queries are over a small container.</summary>
    public static readonly CosmosContainerDefinition Decisions = new("decisions", "/id");

    public static IReadOnlyList<CosmosContainerDefinition> All { get; } = [Agencies, Assessments, Counters, Reminders, Clients, Jurisdictions, Decisions];
}
