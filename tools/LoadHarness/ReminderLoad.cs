using System.Diagnostics;
using CulturalServerless.Application.Reminders;
using CulturalServerless.Functions.Hosting;
using CulturalServerless.LocalRunner;
using CulturalServerless.LocalRunner.Catalog;
using CulturalServerless.LocalRunner.Triggers;
using CulturalServerless.Storage;
using CulturalServerless.Storage.Cosmos;
using Microsoft.AspNetCore.Builder;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.LoadHarness;

/// <summary>
/// One reminder morning over the seeded agencies as the platform runs it: the app's queue
/// functions hosted by tools/LocalRunner (its queue listener with the app's host.json settings),
/// the timer's run started, and the unfriendly receivers answering. It waits until no reminder is
/// pending and both queues are empty, then reports when the last healthy receiver was reached,
/// what became of every reminder, the longest invocation of each function and the peak memory.
/// </summary>
internal static class ReminderLoad
{
    /// <summary>Longer than any run should take: the harness gives up rather than waiting for ever.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(20);

    public static async Task<string> RunAsync(
        IDictionary<string, string?> settings, TimeProvider clock, UnfriendlyReceiver receiver, string label, CancellationToken cancellationToken)
    {
        var functionsDir = AppContext.BaseDirectory;
        var options = new RunnerOptions
        {
            Port = 0,
            MetadataPath = Path.Combine(functionsDir, "functions.metadata"),
            Queues = QueueHostSettings.Read(Path.Combine(functionsDir, "host.json")),
            HostId = "load-harness",
        };
        var all = FunctionCatalog.Load(options.MetadataPath, typeof(CulturalServerlessServiceCollectionExtensions).Assembly);
        // Only the queue functions: the timer is started by hand below, and nothing else is measured.
        var queueFunctions = all.Where(f => f.Trigger is QueueTrigger).ToList();
        var app = LocalFunctionsHost.Build(options, () => queueFunctions, (services, configuration) =>
        {
            services.AddSingleton(clock);
            services.AddCulturalServerless(configuration);
        }, builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            // Every retry of the unfriendly receivers is a warning: only errors are worth printing here.
            builder.Logging.SetMinimumLevel(LogLevel.Error);
        });
        await app.StartAsync(cancellationToken);
        try
        {
            var services = app.Services;
            var storage = services.GetRequiredService<StorageOptions>();
            var cycles = services.GetRequiredService<QueuePollCycles>();
            var reminders = services.GetRequiredService<Database>().GetContainer(CosmosContainers.Reminders.Name);
            var before = receiver.Received;
            var memory = new PeakMemory();
            var started = Stopwatch.GetTimestamp();
            var timer = Stopwatch.StartNew();
            var run = await services.GetRequiredService<ReminderService>().RunAsync(cancellationToken);
            timer.Stop();

            Dictionary<string, int> states;
            do
            {
                // Idle polls of both queues that began after the look: nothing visible and nothing under way.
                await cycles.WaitForIdleAsync(storage.ReminderPageQueue, 1, cancellationToken);
                await cycles.WaitForIdleAsync(storage.ReminderDeliveryQueue, 1, cancellationToken);
                states = await StatesAsync(reminders, run.Year, cancellationToken);
                // Retries wait out the queue's visibilityTimeout: look again a little later, not in a tight loop.
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                if (Stopwatch.GetElapsedTime(started) > GiveUpAfter) break;
            }
            while (states.GetValueOrDefault("pending") > 0 || await DigestsPendingAsync(reminders, run.Date, cancellationToken));
            var settled = Stopwatch.GetElapsedTime(started);
            await memory.DisposeAsync();

            var healthy = await HealthyDeliveriesAsync(reminders, run.Year, cancellationToken);
            var reached = healthy.Count(id => receiver.Answered.ContainsKey(id));
            // Only the answers of this run: a repeat run reaches nobody again.
            var lastHealthy = healthy.Select(id => receiver.Answered.GetValueOrDefault(id)).Where(t => t >= started).DefaultIfEmpty(started).Max();
            return $"{label}: settled in {settled.TotalSeconds:F1} s; reminders by state: "
                + string.Join(", ", states.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Value} {s.Key}"))
                + $"; healthy receivers (immediate or 8 s) reached {reached} of {healthy.Count}, the last after {Stopwatch.GetElapsedTime(started, lastHealthy).TotalSeconds:F1} s; "
                + $"{receiver.Received - before} posts received; timer {timer.Elapsed.TotalSeconds:F1} s; longest invocation: "
                + string.Join(", ", queueFunctions.Select(f => (f.Name, Queue: AppSettingReference.Resolve(((QueueTrigger)f.Trigger).QueueName, services.GetRequiredService<IConfiguration>())))
                    .Select(f => $"{f.Name} {cycles.LongestInvocation(f.Queue).TotalSeconds:F1} s"))
                + $"; peak managed heap {memory.PeakManagedBytes / 1024.0 / 1024.0:F1} MiB, peak working set {memory.PeakWorkingSetBytes / 1024.0 / 1024.0:F1} MiB";
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    private static async Task<Dictionary<string, int>> StatesAsync(Container reminders, int year, CancellationToken cancellationToken)
    {
        // Counted here rather than with GROUP BY, which the local emulator may not serve.
        var query = new QueryDefinition("SELECT VALUE c.state FROM c WHERE c.type = 'reminder'");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var iterator = reminders.GetItemQueryIterator<string>(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(Reminder.PartitionKeyOf(year)) });
        while (iterator.HasMoreResults)
        {
            foreach (var state in await iterator.ReadNextAsync(cancellationToken)) counts[state] = counts.GetValueOrDefault(state) + 1;
        }
        return counts;
    }

    /// <summary>True until the run's digests are recorded: the last step of the page chain.</summary>
    private static async Task<bool> DigestsPendingAsync(Container reminders, DateOnly date, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE c.type = 'reminder' AND c.event = 'committee-digest' AND c.stage = @stage")
            .WithParameter("@stage", "digest-" + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        using var iterator = reminders.GetItemQueryIterator<int>(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(Reminder.PartitionKeyOf(date.Year)) });
        var count = 0;
        while (iterator.HasMoreResults) count += (await iterator.ReadNextAsync(cancellationToken)).Sum();
        return count == 0;
    }

    /// <summary>The ids of the reminders whose receiver answers (at once or after 8 s).</summary>
    private static async Task<List<string>> HealthyDeliveriesAsync(Container reminders, int year, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT c.id, c.recipient FROM c WHERE c.type = 'reminder' AND IS_STRING(c.recipient)");
        var ids = new List<string>();
        using var iterator = reminders.GetItemQueryIterator<RecipientRow>(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(Reminder.PartitionKeyOf(year)) });
        while (iterator.HasMoreResults)
        {
            foreach (var row in await iterator.ReadNextAsync(cancellationToken))
            {
                if (UnfriendlyReceiver.KindOf(row.Recipient) is ReceiverKind.Healthy or ReceiverKind.Slow) ids.Add(row.Id);
            }
        }
        return ids;
    }

    private sealed record RecipientRow(string Id, string Recipient);
}
