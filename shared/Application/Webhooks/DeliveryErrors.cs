using System.Net.Sockets;
using System.Security.Authentication;

namespace CulturalServerless.Application.Webhooks;

/// <summary>
/// Why a post failed, as the reminder records store it and <c>GET /api/reminders</c> serves it: a
/// category, never the socket's or the TLS stack's own text, which would tell a portal what is
/// listening where on the app's network (a port-scan oracle). The exception itself goes to the logs.
/// </summary>
public static class DeliveryErrors
{
    public const string Timeout = "timeout";
    public const string Tls = "tls";
    public const string Refused = "refused";
    public const string Dns = "dns";
    public const string PrivateAddress = "refused-private-address";
    public const string Network = "network";

    /// <summary>The receiver answered with a status that is not 2xx.</summary>
    public static string Http(int status) => "http-" + status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether the failure says the receiver is not reachable or not answering (as opposed to a
    /// receiver that answered and refused this post): a run posts nothing more to such a receiver.
    /// </summary>
    public static bool MeansUnavailable(string? category) => category switch
    {
        null => false,
        Timeout or Tls or Refused or Dns or PrivateAddress or Network => true,
        _ when category.StartsWith("http-", StringComparison.Ordinal) => category is "http-408" or "http-429" || category.StartsWith("http-5", StringComparison.Ordinal),
        _ => false,
    };

    public static string Of(HttpRequestException exception)
    {
        for (Exception? inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case WebhookTargetRefusedException: return PrivateAddress;
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData }: return Dns;
                case SocketException { SocketErrorCode: SocketError.TimedOut }: return Timeout;
                case AuthenticationException: return Tls;
            }
        }
        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => Dns,
            HttpRequestError.SecureConnectionError => Tls,
            HttpRequestError.ConnectionError => Refused,
            _ => Network,
        };
    }
}
