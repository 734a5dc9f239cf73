using Azure.Storage.Queues;
using CulturalServerless.IntegrationTests.Faults;
using CulturalServerless.LocalRunner.Catalog;
using CulturalServerless.LocalRunner.Triggers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.IntegrationTests.Runner;

/// <summary>
/// The runner's queue trigger against Azurite, as the host does it: a message fires its function
/// once and is deleted; a failing one comes back after visibilityTimeout, with its dequeue count,
/// until maxDequeueCount, and then lands in <c>&lt;queue&gt;-poison</c>. Waits are for idle polls
/// of the queue, not for lengths of time.
/// </summary>
public sealed class LocalRunnerQueueTests
{
    private readonly ProbeLog log = new();
    private readonly string queueName = "probe-" + Guid.NewGuid().ToString("N")[..12];

    private static readonly QueueHostSettings Fast = new(
        BatchSize: 4, NewBatchThreshold: 2, MaxPollingInterval: TimeSpan.FromMilliseconds(200), VisibilityTimeout: TimeSpan.Zero, MaxDequeueCount: 3, Base64: true);

    private FunctionDescriptor Probe(string method) =>
        new("Probe" + method, typeof(ProbeFunctions).GetMethod(method)!, new QueueTrigger("message", "%PROBE_QUEUE%", "ReportStorage"), []);

    private Task<RunnerHost> StartAsync(FunctionDescriptor function, QueueHostSettings settings) =>
        RunnerHost.StartAsync([function], (services, _) => services.AddSingleton(log),
            new Dictionary<string, string?> { ["PROBE_QUEUE"] = queueName }, settings);

    private QueueClient Queue(string name) =>
        new(EmulatorSettings.StorageConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    [Fact]
    public async Task A_message_fires_its_function_once_with_its_dequeue_count_and_is_deleted()
    {
        var queue = Queue(queueName);
        await queue.CreateAsync();
        await using (var host = await StartAsync(Probe(nameof(ProbeFunctions.OnQueue)), Fast))
        {
            for (var i = 0; i < 10; i++) await queue.SendMessageAsync($"m{i}");
            await host.QueueIdleAsync(queueName, 2);
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"m{i}#1").Order(StringComparer.Ordinal), log.Calls.Order(StringComparer.Ordinal));
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        await queue.DeleteAsync();
    }

    /// <summary>As under the host: a message already gone when its invocation ends is done, not an error, and fires nothing again.</summary>
    [Fact]
    public async Task A_message_deleted_while_its_function_runs_is_done_without_an_error()
    {
        var queue = Queue(queueName);
        await queue.CreateAsync();
        var recorded = new RecordedLog();
        log.WhileInvoked = () => queue.ClearMessagesAsync();
        await using (var host = await RunnerHost.StartAsync([Probe(nameof(ProbeFunctions.OnQueueThenGone))],
            (services, _) => services.AddSingleton(log).AddSingleton<ILoggerProvider>(recorded)
                .Configure<LoggerFilterOptions>(filters => filters.Rules.Add(new LoggerFilterRule(typeof(RecordedLog).FullName, null, LogLevel.Debug, null))),
            new Dictionary<string, string?> { ["PROBE_QUEUE"] = queueName }, Fast))
        {
            await queue.SendMessageAsync("once");
            await host.QueueIdleAsync(queueName, 2);
        }

        Assert.Equal(["once#1"], log.Calls);
        Assert.DoesNotContain(recorded.Entries, entry => entry.Level >= LogLevel.Warning && entry.Category.Contains("Queue", StringComparison.Ordinal));
        Assert.Contains(recorded.Entries, entry => entry.Template?.Contains("already completed", StringComparison.Ordinal) == true);
        await queue.DeleteAsync();
    }

    [Fact]
    public async Task A_failing_message_is_retried_up_to_maxDequeueCount_then_moved_to_the_poison_queue()
    {
        var queue = Queue(queueName);
        var poison = Queue(queueName + QueueTriggerListener.PoisonSuffix);
        await queue.CreateAsync();
        await using (var host = await StartAsync(Probe(nameof(ProbeFunctions.OnQueueFailing)), Fast))
        {
            await queue.SendMessageAsync("{\"bad\":true}");
            await host.QueueIdleAsync(queueName, 2);
        }

        Assert.Equal(["{\"bad\":true}#1", "{\"bad\":true}#2", "{\"bad\":true}#3"], log.Calls);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var poisoned = Assert.Single((await poison.ReceiveMessagesAsync(32)).Value);
        Assert.Equal("{\"bad\":true}", poisoned.Body.ToString());
        await queue.DeleteAsync();
        await poison.DeleteAsync();
    }

    [Fact]
    public async Task A_failed_message_stays_invisible_for_visibilityTimeout_before_it_is_tried_again()
    {
        var queue = Queue(queueName);
        await queue.CreateAsync();
        await using (var host = await StartAsync(Probe(nameof(ProbeFunctions.OnQueueFailing)), Fast with { VisibilityTimeout = TimeSpan.FromMinutes(5) }))
        {
            await queue.SendMessageAsync("later");
            // Idle polls after the failure: the message is there but hidden, so nothing fires again.
            await host.QueueIdleAsync(queueName, 3);
        }

        Assert.Equal(["later#1"], log.Calls);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
        await queue.DeleteAsync();
    }

    [Fact]
    public void The_host_json_queue_settings_are_read_as_the_host_reads_them()
    {
        var settings = QueueHostSettings.Read(Path.Combine(AppContext.BaseDirectory, "host.json"));

        Assert.Equal(new QueueHostSettings(32, 16, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), 5, Base64: true), settings);
        Assert.Equal(QueueHostSettings.Defaults, QueueHostSettings.Read(Path.Combine(AppContext.BaseDirectory, "no-such-host.json")));
    }

    [Fact]
    public void The_app_declares_its_reminder_queue_functions_in_functions_metadata()
    {
        var functions = FunctionCatalog.Load(Path.Combine(AppContext.BaseDirectory, "functions.metadata"),
            typeof(CulturalServerlessServiceCollectionExtensions).Assembly);

        var queues = functions.Where(f => f.Trigger is QueueTrigger).ToDictionary(f => f.Name, f => (QueueTrigger)f.Trigger);
        Assert.Equal(new QueueTrigger("message", "%REMINDER_PAGE_QUEUE%", "ReportStorage"), queues["RemindPage"]);
        Assert.Equal(new QueueTrigger("message", "%REMINDER_DELIVERY_QUEUE%", "ReportStorage"), queues["DeliverReminder"]);
        Assert.Equal(new QueueTrigger("message", "%REMINDER_DELIVERY_QUEUE%-poison", "ReportStorage"), queues["RecordPoisonedReminder"]);
    }
}
