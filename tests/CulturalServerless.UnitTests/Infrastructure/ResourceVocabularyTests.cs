using CulturalServerless.Storage.Blobs;
using CulturalServerless.Storage.Cosmos;

namespace CulturalServerless.UnitTests.Infrastructure;

/// <summary>
/// The containers the code uses exist in Azure with the same names and partition keys. In Azure the
/// app cannot create them itself (Cosmos DB metadata writes are reserved to the template), so a
/// container missing from infra/ fails at run time, not at deployment.
/// </summary>
public sealed class ResourceVocabularyTests
{
    private const string CosmosContainersPath = "infra/app/cosmos-containers.json";
    private const string MainBicepPath = "infra/main.bicep";

    [Fact]
    public void Bicep_creates_every_Cosmos_container_of_the_code_with_its_partition_key()
    {
        var declared = BicepCosmosContainers().ToDictionary(container => container.Name, StringComparer.Ordinal);

        foreach (var container in CosmosContainers.All)
        {
            Assert.True(declared.TryGetValue(container.Name, out var inBicep),
                $"Cosmos container '{container.Name}' is not in {CosmosContainersPath}.");
            Assert.Equal(container.PartitionKeyPath, inBicep.PartitionKeyPath);
            Assert.Equal(container.UniqueKeyPaths, inBicep.UniqueKeyPaths);
        }
    }

    [Fact]
    public void Bicep_declares_each_Cosmos_container_once_with_a_partition_key_path()
    {
        var declared = BicepCosmosContainers();

        Assert.Equal(declared.Count, declared.Select(container => container.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(declared, container => Assert.StartsWith("/", container.PartitionKeyPath, StringComparison.Ordinal));
    }

    [Fact]
    public void Bicep_creates_every_blob_container_of_the_code()
    {
        var main = RepositoryFiles.ReadAllText(MainBicepPath);

        foreach (var container in BlobContainers.All)
        {
            Assert.True(main.Contains($"= '{container}'", StringComparison.Ordinal),
                $"Blob container '{container}' is not declared in {MainBicepPath}.");
        }
    }

    private static List<CosmosContainerDefinition> BicepCosmosContainers()
    {
        using var document = JsonDocument.Parse(RepositoryFiles.ReadAllText(CosmosContainersPath));
        return document.RootElement.EnumerateArray()
            .Select(item => new CosmosContainerDefinition(
                item.GetProperty("name").GetString()!,
                item.GetProperty("partitionKeyPath").GetString()!,
                item.TryGetProperty("uniqueKeyPaths", out var unique) ? unique.EnumerateArray().Select(p => p.GetString()!).ToArray() : []))
            .ToList();
    }
}
