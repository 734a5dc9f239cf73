using System.Diagnostics;
using System.Reflection;
using Azure.Storage.Blobs;
using CulturalServerless.Storage.Blobs;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Health;

/// <summary>
/// Asks Cosmos DB and Blob Storage whether they answer, each within a short timeout, so that a
/// probe of a dead dependency answers quickly instead of waiting out the SDK's retries.
/// </summary>
public sealed partial class HealthService(Database database, BlobServiceClient blobs, ILogger<HealthService> logger)
{
    public const string CosmosDb = "cosmosDb";
    public const string BlobStorage = "blobStorage";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    public static string Version { get; } =
        typeof(HealthService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = await Task.WhenAll(
            CheckAsync(CosmosDb, ct => database.ReadAsync(cancellationToken: ct), cancellationToken),
            CheckAsync(BlobStorage, ct => blobs.GetBlobContainerClient(BlobContainers.Reports).GetPropertiesAsync(cancellationToken: ct), cancellationToken));
        var report = new HealthReport(checks.All(c => c.State == DependencyState.Up) ? "healthy" : "unhealthy", Version, checks);
        return report;
    }

    private async Task<DependencyHealth> CheckAsync(string name, Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            await probe(timeout.Token);
            return new DependencyHealth(name, DependencyState.Up, watch.ElapsedMilliseconds);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogDown(exception, name);
            var reason = timeout.IsCancellationRequested ? $"no answer within {CheckTimeout.TotalSeconds:0} s" : "request failed";
            return new DependencyHealth(name, DependencyState.Down, watch.ElapsedMilliseconds, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: {Dependency} is down")]
    private partial void LogDown(Exception exception, string dependency);
}
