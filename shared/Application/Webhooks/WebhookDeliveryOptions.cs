namespace CulturalServerless.Application.Webhooks;

/// <summary>The <c>Webhooks</c> settings: how hard the system tries to deliver one post.</summary>
public sealed class WebhookDeliveryOptions
{
    public const string Section = "Webhooks";

    /// <summary>Tries per post, the first included.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Pause before the second try; it doubles before each further try (1 s, 2 s, …).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one try may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
