using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace CulturalServerless.Application.Webhooks;

/// <summary>
/// Opens every webhook connection itself (<see cref="SocketsHttpHandler.ConnectCallback"/>): it
/// resolves the host once more and refuses when any address it gets is not public, then connects to
/// exactly the addresses it checked. What registration saw no longer matters, so a name that
/// answered a public address then and answers 127.0.0.1 now (DNS rebinding) reaches nothing.
/// </summary>
public sealed class WebhookConnector(IOptions<WebhookDeliveryOptions> options, IHostAddressResolver resolver)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await resolver.ResolveAsync(endpoint.Host, cancellationToken);
        if (!options.Value.AllowPrivateTargets && addresses.FirstOrDefault(address => !PublicAddresses.IsPublic(address)) is { } inward)
        {
            throw new WebhookTargetRefusedException(endpoint.Host, inward);
        }
        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }
}

/// <summary>A webhook host that resolved to an address the system does not post to; its text is for logs only.</summary>
public sealed class WebhookTargetRefusedException(string host, IPAddress address)
    : Exception($"Webhook host '{host}' resolves to the non-public address {address}; the connection was not made.");
