using System.Globalization;

namespace CulturalServerless.Application.Webhooks;

/// <summary>The <c>Webhooks</c> settings: where a post may go, and how hard the system tries to deliver it.</summary>
public sealed class WebhookDeliveryOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Tries per post, the first included: one per delivery of the reminder's queue message, so it
    /// must stay under the queue's <c>maxDequeueCount</c> (host.json), which is for failures of the
    /// app itself.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How long one try may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The ports a webhook URL may name, comma-separated (<c>Webhooks__AllowedPorts</c>, 443 by
    /// default): a receiver is a web server, and any other port is a way to probe other services.
    /// </summary>
    public string AllowedPorts { get; set; } = "443";

    /// <summary>
    /// Lets webhooks reach loopback and private addresses, and plain HTTP on any port of loopback:
    /// for tests and receivers on a developer's machine only. Off in the sample and in Azure.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>
    /// After <c>?rotateSecret=true</c>, how long posts are still signed with the previous secret as
    /// well (<c>Webhooks__SecretGracePeriod</c>, a day by default; zero: the old one stops at once).
    /// </summary>
    public TimeSpan SecretGracePeriod { get; set; } = TimeSpan.FromDays(1);

    public IReadOnlySet<int> Ports()
    {
        var ports = new HashSet<int>();
        foreach (var part in AllowedPorts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new InvalidOperationException($"Webhooks__AllowedPorts must list ports (1–65535) separated by commas; got '{AllowedPorts}'.");
            }
            ports.Add(port);
        }
        return ports.Count > 0 ? ports : throw new InvalidOperationException("Webhooks__AllowedPorts lists no port.");
    }
}
