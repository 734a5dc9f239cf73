using System.Net;
using System.Net.Sockets;
using CulturalServerless.Application.Problems;
using CulturalServerless.Validation;
using Microsoft.Extensions.Options;

namespace CulturalServerless.Application.Webhooks;

/// <summary>
/// What a registered webhook URL may be, so that the system's posts cannot be turned inward: an
/// absolute https URL without user info, on an allowed port (<c>Webhooks__AllowedPorts</c>), whose
/// host is a public address or a name that resolves only to public addresses
/// (<see cref="PublicAddresses"/>). The URL is judged after <see cref="Uri"/> has normalised it, so
/// numeric, octal and hexadecimal aliases (2130706433, 0x7f000001, 0177.0.0.1) are judged as the
/// address they stand for. A name that does not resolve yet is accepted: the connection is checked
/// again when a post is made (<see cref="WebhookConnector"/>), which is also what stops a name that
/// resolves inward later (DNS rebinding).
/// </summary>
public sealed class WebhookUrlPolicy(IOptions<WebhookDeliveryOptions> options, IHostAddressResolver resolver)
{
    public const int MaxLength = 2048;

    /// <summary>How long registration waits for DNS: past it the name counts as not resolving yet.</summary>
    public static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);

    /// <returns>The URL as it will be posted to (normalised).</returns>
    public async Task<string> ValidateAsync(string? url, CancellationToken cancellationToken)
    {
        if (url is null)
        {
            throw Refused("required", "Cần địa chỉ webhook (url).", "The webhook url is required.");
        }
        if (url.Length > MaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw Refused("invalid-webhook-url",
                $"Webhook phải là địa chỉ https:// tuyệt đối, tối đa {MaxLength} ký tự, không kèm tên người dùng/mật khẩu.",
                $"The webhook must be an absolute https:// URL of at most {MaxLength} characters without user info.");
        }
        var settings = options.Value;
        var literal = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 ? IPAddress.Parse(uri.Host.Trim('[', ']')) : null;
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        // A receiver on the developer's own machine speaks plain HTTP on some port: allowed only
        // when private targets are, and only to loopback.
        var localReceiver = settings.AllowPrivateTargets && (literal is not null ? IsLoopback(literal) : IsLocalhostName(host));
        if (uri.Scheme != Uri.UriSchemeHttps && !localReceiver)
        {
            throw Refused("webhook-https-required", "Webhook phải dùng https://.", "The webhook must use https://.");
        }
        if (!localReceiver && !settings.Ports().Contains(uri.Port))
        {
            throw Refused("webhook-port-not-allowed",
                $"Webhook chỉ được dùng cổng {settings.AllowedPorts}.", $"The webhook may only use port {settings.AllowedPorts}.");
        }
        if (!settings.AllowPrivateTargets && !await IsPublicHostAsync(literal, host, cancellationToken))
        {
            throw Refused("webhook-private-address",
                "Webhook phải trỏ tới một địa chỉ công khai trên Internet, không phải địa chỉ nội bộ, loopback hay link-local.",
                "The webhook must point to a public Internet address, not a private, loopback or link-local one.");
        }
        return uri.AbsoluteUri;
    }

    private async Task<bool> IsPublicHostAsync(IPAddress? literal, string host, CancellationToken cancellationToken)
    {
        if (literal is not null) return PublicAddresses.IsPublic(literal);
        // localhost names are loopback by definition (RFC 6761); a single label resolves through the
        // local search domains, i.e. to hosts of the network the app runs in.
        if (IsLocalhostName(host) || !host.Contains('.', StringComparison.Ordinal)) return false;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResolveTimeout);
        try
        {
            var addresses = await resolver.ResolveAsync(host, timeout.Token);
            return addresses.All(PublicAddresses.IsPublic);
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return true;
        }
    }

    private static bool IsLoopback(IPAddress address) => IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static bool IsLocalhostName(string host) => host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal);

    private static ApiProblemException Refused(string code, string message, string messageEn) =>
        ApiProblemException.Invalid([new ValidationProblem("$.url", code, message, messageEn)]);
}
