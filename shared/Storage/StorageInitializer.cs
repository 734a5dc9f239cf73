using CulturalServerless.Storage.Blobs;
using CulturalServerless.Storage.Cosmos;
using CulturalServerless.Storage.Queues;
using System.Net;
using Azure.Storage.Blobs;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Storage;

/// <summary>
/// Creates the Cosmos database, its containers and the blob containers at start-up, when
/// <c>Cosmos__CreateIfMissing</c> is true. That is for the local emulators, which start empty;
/// in Azure the infrastructure creates them and the app's identity has no right to.
/// </summary>
public sealed partial class StorageInitializer(
    StorageOptions options,
    CosmosClient cosmos,
    BlobServiceClient blobs,
    ReminderQueue queues,
    RegisterLayout registers,
    ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.CosmosCreateIfMissing)
        {
            return;
        }
        await EnsureCreatedAsync(cancellationToken);
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var database = (await cosmos.CreateDatabaseIfNotExistsAsync(options.CosmosDatabase, cancellationToken: cancellationToken)).Database;
        foreach (var container in CosmosContainers.All)
        {
            var properties = new ContainerProperties(container.Name, container.PartitionKeyPath);
            if (container.UniqueKeyPaths.Length > 0)
            {
                var uniqueKey = new UniqueKey();
                foreach (var path in container.UniqueKeyPaths) uniqueKey.Paths.Add(path);
                properties.UniqueKeyPolicy = new UniqueKeyPolicy { UniqueKeys = { uniqueKey } };
            }
            var created = await database.CreateContainerIfNotExistsAsync(properties, cancellationToken: cancellationToken);
            // A register container created just now holds no register of the code before, so
            // every year's agency registers can live beside the assessments (RegisterLayout).
            if (container == CosmosContainers.Counters && created.StatusCode == HttpStatusCode.Created)
            {
                await registers.RecordEmptyDatabaseAsync(cancellationToken);
            }
        }
        foreach (var name in BlobContainers.All)
        {
            await blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        foreach (var queue in queues.All)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        LogCreated(options.CosmosDatabase, CosmosContainers.All.Count, BlobContainers.All.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Storage ready: Cosmos database {Database} with {CosmosContainerCount} containers, {BlobContainerCount} blob containers")]
    private partial void LogCreated(string database, int cosmosContainerCount, int blobContainerCount);
}
