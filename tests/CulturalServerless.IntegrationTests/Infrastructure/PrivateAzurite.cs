using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CulturalServerless.IntegrationTests.Infrastructure;

/// <summary>
/// An Azurite of the test's own, on free loopback ports, in memory. For tests of a blob trigger
/// over a whole container: the shared Azurite's <c>report-requests</c> holds every other test's
/// snapshots, which a freshly started runner would work through first.
/// </summary>
public sealed partial class PrivateAzurite : IAsyncDisposable
{
    private readonly Process process;

    private PrivateAzurite(Process process, int blobPort, int queuePort)
    {
        this.process = process;
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    /// <summary>Freezes this Azurite (SIGSTOP), for fault tests: its ports accept, but nothing answers.</summary>
    public void Pause() => ProcessSignals.Pause(process);

    /// <summary>Thaws it (SIGCONT).</summary>
    public void Resume() => ProcessSignals.Resume(process);

    public static async Task<PrivateAzurite> StartAsync()
    {
        var azurite = Path.Combine(RepositoryRoot.Path, "node_modules", ".bin", "azurite");
        var process = Process.Start(new ProcessStartInfo(azurite,
            ["--blobHost", "127.0.0.1", "--blobPort", "0", "--queueHost", "127.0.0.1", "--queuePort", "0",
             "--tableHost", "127.0.0.1", "--tablePort", "0", "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"Could not start {azurite}.");
        int? blob = null, queue = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((blob is null || queue is null) && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = Listening().Match(line);
            if (!match.Success) continue;
            var port = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (match.Groups[1].Value == "Blob") blob = port;
            if (match.Groups[1].Value == "Queue") queue = port;
        }
        if (blob is null || queue is null)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The private Azurite did not start: " + await process.StandardError.ReadToEndAsync());
        }
        // Keep draining its output so it never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return new PrivateAzurite(process, blob.Value, queue.Value);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    [GeneratedRegex(@"Azurite (Blob|Queue) service (?:successfully listens on|is successfully listening at) http://127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();
}
