using Azure.Storage.Blobs;
using CulturalServerless.Application.Health;
using CulturalServerless.Storage.Blobs;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage;

/// <summary>Cosmos DB answers when the app's database can be read.</summary>
public sealed class CosmosHealthProbe(Database database) : IHealthProbe
{
    public string Name => HealthService.CosmosDb;

    public Task ProbeAsync(CancellationToken cancellationToken) => database.ReadAsync(cancellationToken: cancellationToken);
}

/// <summary>Blob Storage answers when the reports container's properties can be read.</summary>
public sealed class BlobHealthProbe(BlobServiceClient blobs) : IHealthProbe
{
    public string Name => HealthService.BlobStorage;

    public Task ProbeAsync(CancellationToken cancellationToken) =>
        blobs.GetBlobContainerClient(BlobContainers.Reports).GetPropertiesAsync(cancellationToken: cancellationToken);
}
