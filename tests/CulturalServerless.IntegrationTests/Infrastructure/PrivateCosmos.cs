using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CulturalServerless.IntegrationTests.Infrastructure;

/// <summary>
/// A Cosmos DB emulator of the test's own (tools/cosmos-emulator/launcher.js, as tools/emulators.sh
/// starts it) on a free loopback port, in memory, for fault tests: it can be frozen with SIGSTOP,
/// thawed with SIGCONT, killed, and started again on the same port. Only the process this class
/// started is ever signalled; the shared emulator on 8081 is never touched.
/// </summary>
public sealed class PrivateCosmos : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly string tlsDirectory;
    private Process? process;

    private PrivateCosmos(int port, string tlsDirectory)
    {
        Port = port;
        this.tlsDirectory = tlsDirectory;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"AccountEndpoint=https://127.0.0.1:{Port}/;AccountKey={EmulatorSettings.CosmosEmulatorKey};";

    public static async Task<PrivateCosmos> StartAsync()
    {
        // A certificate of its own, so that starting never races tools/emulators.sh making the shared one.
        var tls = Directory.CreateTempSubdirectory("private-cosmos-tls-").FullName;
        var cosmos = new PrivateCosmos(FreeLoopbackPort(), tls);
        await cosmos.LaunchAsync();
        return cosmos;
    }

    /// <summary>Freezes the emulator (SIGSTOP): connections stay open and the port accepts, but nothing answers.</summary>
    public void Pause() => ProcessSignals.Pause(Running());

    /// <summary>Thaws a frozen emulator (SIGCONT); it goes on with what it had received.</summary>
    public void Resume() => ProcessSignals.Resume(Running());

    /// <summary>Kills the emulator (SIGKILL): its port refuses connections, and its data is gone.</summary>
    public async Task KillAsync()
    {
        var running = Running();
        running.Kill();
        await running.WaitForExitAsync();
        running.Dispose();
        process = null;
    }

    /// <summary>Starts a new, empty emulator on the same port after <see cref="KillAsync"/>.</summary>
    public Task RestartAsync()
    {
        if (process is not null) throw new InvalidOperationException("The private emulator is still running.");
        return LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            // SIGKILL ends a stopped process too.
            await KillAsync();
        }
        Directory.Delete(tlsDirectory, recursive: true);
    }

    private async Task LaunchAsync()
    {
        var launcher = Path.Combine(RepositoryRoot.Path, "tools", "cosmos-emulator", "launcher.js");
        var start = new ProcessStartInfo("node",
            [launcher, "--host", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.Environment["COSMOS_EMULATOR_TLS_DIR"] = tlsDirectory;
        var started = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {launcher}.");
        var errors = started.StandardError.ReadToEndAsync();
        var ready = false;
        using (var timeout = new CancellationTokenSource(ReadyTimeout))
        {
            while (!ready && await started.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                ready = line.StartsWith("Cosmos DB emulator ready on", StringComparison.Ordinal);
            }
        }
        if (!ready)
        {
            if (!started.HasExited) started.Kill();
            await started.WaitForExitAsync();
            throw new InvalidOperationException($"The private Cosmos emulator did not start on port {Port}: {await errors}");
        }
        // Keep draining its output so that it never blocks on a full pipe.
        _ = started.StandardOutput.ReadToEndAsync();
        process = started;
    }

    private Process Running() => process ?? throw new InvalidOperationException("The private emulator is not running.");

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
