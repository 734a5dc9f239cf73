using System.Net;

namespace CulturalServerless.Application.Webhooks;

/// <summary>
/// The seam to DNS for webhook hosts: registration and every connection ask it, so a test can make
/// a name answer one address and then another (DNS rebinding) without a DNS server of its own.
/// </summary>
public interface IHostAddressResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The system resolver.</summary>
public sealed class DnsHostAddressResolver : IHostAddressResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
