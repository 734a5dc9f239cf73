using System.Net.Sockets;

namespace CulturalServerless.IntegrationTests.Webhooks;

/// <summary>
/// A bare TCP listener on 127.0.0.1 that counts the connections made to it, below HTTP and TLS: a
/// count of 0 means nothing connected at all, not just that no request got through. It either
/// closes each connection at once or holds it open without a word (a receiver that never answers).
/// </summary>
public sealed class TcpProbe : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> held = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private readonly bool hold;
    private int connections;

    private TcpProbe(bool hold)
    {
        this.hold = hold;
        listener.Start();
        accepting = AcceptAsync();
    }

    /// <summary>Closes every connection as soon as it is made.</summary>
    public static TcpProbe Closing() => new(hold: false);

    /// <summary>Keeps every connection open and never sends anything.</summary>
    public static TcpProbe Silent() => new(hold: true);

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref connections);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref connections);
                if (hold)
                {
                    lock (held) held.Add(client);
                }
                else
                {
                    client.Dispose();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    /// <summary>A loopback port where nothing listens (taken from the system, then released).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        lock (held) held.ForEach(client => client.Dispose());
        stop.Dispose();
    }
}
