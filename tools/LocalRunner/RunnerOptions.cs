using CulturalServerless.LocalRunner.Triggers;

namespace CulturalServerless.LocalRunner;

/// <summary>How the local runner is started (command-line arguments of tools/LocalRunner).</summary>
public sealed class RunnerOptions
{
    public int Port { get; init; } = 7071;

    /// <summary>functions.metadata written by the functions build.</summary>
    public required string MetadataPath { get; init; }

    /// <summary>local.settings.json whose <c>Values</c> become app settings, as under Core Tools.</summary>
    public string? SettingsPath { get; init; }

    public string RoutePrefix { get; init; } = "api";

    public TimeSpan BlobPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many blobs a blob trigger works on at once (the host's default is 8 per core).</summary>
    public int BlobParallelism { get; init; } = 8;

    /// <summary>host.json's <c>extensions.queues</c>, as the queue triggers use it.</summary>
    public QueueHostSettings Queues { get; init; } = QueueHostSettings.Defaults;

    /// <summary>Names this runner's blob receipts, as the host id does on Azure.</summary>
    public string HostId { get; init; } = "localrunner";

    public static RunnerOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        var functionsDir = Value("--functions-dir") ?? AppContext.BaseDirectory;
        return new RunnerOptions
        {
            Port = int.TryParse(Value("--port"), out var port) ? port : 7071,
            MetadataPath = Path.Combine(functionsDir, "functions.metadata"),
            SettingsPath = Value("--settings"),
            Queues = QueueHostSettings.Read(Path.Combine(functionsDir, "host.json")),
            BlobPollInterval = double.TryParse(Value("--blob-poll-seconds"), System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromSeconds(2),
        };
    }
}
