using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Health;

/// <summary>
/// Asks each dependency (Cosmos DB, Blob Storage) whether it answers, each within a short timeout,
/// so that a probe of a dead dependency answers quickly instead of waiting out the SDK's retries.
/// </summary>
public sealed partial class HealthService(IEnumerable<IHealthProbe> probes, ILogger<HealthService> logger)
{
    public const string CosmosDb = "cosmosDb";
    public const string BlobStorage = "blobStorage";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    public static string Version { get; } =
        typeof(HealthService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = await Task.WhenAll(probes.Select(probe => CheckAsync(probe, cancellationToken)));
        return new HealthReport(checks.All(c => c.State == DependencyState.Up) ? "healthy" : "unhealthy", Version, checks);
    }

    private async Task<DependencyHealth> CheckAsync(IHealthProbe probe, CancellationToken cancellationToken)
    {
        var name = probe.Name;
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            await probe.ProbeAsync(timeout.Token);
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
