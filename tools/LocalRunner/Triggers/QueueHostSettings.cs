using System.Globalization;
using System.Text.Json.Nodes;

namespace CulturalServerless.LocalRunner.Triggers;

/// <summary>
/// The <c>extensions.queues</c> section of host.json, with the host's defaults for what it leaves
/// out, as the Functions host's queue trigger reads it. <c>newBatchThreshold</c> defaults to half
/// the batch (the host multiplies both by its cores; the runner is one small instance).
/// </summary>
public sealed record QueueHostSettings(
    int BatchSize, int NewBatchThreshold, TimeSpan MaxPollingInterval, TimeSpan VisibilityTimeout, int MaxDequeueCount, bool Base64)
{
    public static QueueHostSettings Defaults { get; } = new(16, 8, TimeSpan.FromMinutes(1), TimeSpan.Zero, 5, true);

    /// <summary>How long a message being processed stays invisible to other listeners, as the host's default.</summary>
    public static TimeSpan ProcessingVisibility { get; } = TimeSpan.FromMinutes(10);

    /// <summary>The settings in <paramref name="hostJsonPath"/>; the defaults when the file or the section is missing.</summary>
    public static QueueHostSettings Read(string hostJsonPath)
    {
        if (!File.Exists(hostJsonPath)) return Defaults;
        var queues = JsonNode.Parse(File.ReadAllText(hostJsonPath))?["extensions"]?["queues"];
        if (queues is null) return Defaults;
        var batchSize = Int(queues, "batchSize") ?? Defaults.BatchSize;
        if (batchSize is < 1 or > 32) throw new InvalidDataException($"{hostJsonPath}: extensions.queues.batchSize must be 1 to 32, as the host requires.");
        return new QueueHostSettings(
            batchSize,
            Int(queues, "newBatchThreshold") ?? batchSize / 2,
            Span(queues, "maxPollingInterval") ?? Defaults.MaxPollingInterval,
            Span(queues, "visibilityTimeout") ?? Defaults.VisibilityTimeout,
            Int(queues, "maxDequeueCount") ?? Defaults.MaxDequeueCount,
            !string.Equals((string?)queues["messageEncoding"], "none", StringComparison.OrdinalIgnoreCase));
    }

    private static int? Int(JsonNode section, string name) => (int?)section[name];

    private static TimeSpan? Span(JsonNode section, string name) =>
        (string?)section[name] is { } text ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : null;
}
