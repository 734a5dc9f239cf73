namespace CulturalServerless.Storage.Cosmos;

/// <summary>A Cosmos DB container of the data model and the path of its partition key.</summary>
public sealed record CosmosContainerDefinition(string Name, string PartitionKeyPath);

/// <summary>
/// Every container the app uses. The data model (docs/data-model.md) explains each partition key;
/// infra/ creates the same containers in Azure, and local start-up creates them in the emulator.
/// </summary>
public static class CosmosContainers
{
    public static readonly CosmosContainerDefinition Agencies = new("agencies", "/id");
    public static readonly CosmosContainerDefinition Assessments = new("assessments", "/partitionKey");

    public static IReadOnlyList<CosmosContainerDefinition> All { get; } = [Agencies, Assessments];
}
