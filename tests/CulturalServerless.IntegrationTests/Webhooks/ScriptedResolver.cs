using System.Collections.Concurrent;
using System.Net.Sockets;
using CulturalServerless.Application.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CulturalServerless.IntegrationTests.Webhooks;

/// <summary>
/// The webhook hosts' resolver seam answering what the test says, and changing its answer when the
/// test says so (DNS rebinding); a name it was not told about does not resolve.
/// </summary>
public sealed class ScriptedResolver : IHostAddressResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> answers = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<string> Asked { get; } = new();

    public void Answer(string host, params string[] addresses) => answers[host] = addresses.Select(IPAddress.Parse).ToArray();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Asked.Enqueue(host);
        return answers.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }

    /// <summary>Puts this resolver in place of the system's, for the app's services.</summary>
    public void ReplaceIn(IServiceCollection services)
    {
        services.RemoveAll<IHostAddressResolver>();
        services.AddSingleton<IHostAddressResolver>(this);
    }
}
