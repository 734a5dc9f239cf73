using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using CulturalServerless.LocalRunner.Catalog;
using CulturalServerless.LocalRunner.Invocation;

namespace CulturalServerless.LocalRunner.Triggers;

/// <summary>
/// Invokes blob-triggered functions when a matching blob appears or changes, by polling (in Azure
/// the app uses the Event Grid source instead). Like the Functions host it keeps a receipt per
/// function and blob version (ETag) in the <c>azure-webjobs-hosts</c> container, so each version
/// fires once, even across restarts; a version that fails 5 times is recorded as poison in the
/// <c>webjobs-blobtrigger-poison</c> queue and not tried again.
/// </summary>
internal sealed partial class BlobTriggerListener(
    IReadOnlyList<FunctionDescriptor> functions,
    FunctionInvoker invoker,
    IConfiguration configuration,
    RunnerOptions options,
    BlobPollCycles cycles,
    ILogger<BlobTriggerListener> logger) : BackgroundService
{
    public const string ReceiptContainer = "azure-webjobs-hosts";
    public const string PoisonQueue = "webjobs-blobtrigger-poison";
    public const int MaxAttempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await PollUntilStoppedAsync(stoppingToken);
        }
        finally
        {
            cycles.Stopped();
        }
    }

    private async Task PollUntilStoppedAsync(CancellationToken stoppingToken)
    {
        var watches = functions.Where(f => f.Trigger is BlobTrigger).Select(CreateWatch).ToList();
        if (watches.Count == 0) return;
        using var timer = new PeriodicTimer(options.BlobPollInterval);
        do
        {
            cycles.CycleStarted();
            foreach (var watch in watches)
            {
                try
                {
                    await PollAsync(watch, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogPollFailed(exception, watch.Function.Name);
                }
            }
            cycles.CycleCompleted();
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private BlobWatch CreateWatch(FunctionDescriptor function)
    {
        var trigger = (BlobTrigger)function.Trigger;
        var connectionName = trigger.Connection ?? "AzureWebJobsStorage";
        var connectionString = configuration[connectionName] ?? configuration[$"ConnectionStrings:{connectionName}"]
            ?? throw new InvalidOperationException($"Blob trigger {function.Name}: connection '{connectionName}' is not set.");
        var service = new BlobServiceClient(connectionString);
        return new BlobWatch(
            function,
            service.GetBlobContainerClient(AppSettingReference.Resolve(trigger.Container, configuration)),
            new BlobPathPattern(AppSettingReference.Resolve(trigger.BlobPattern, configuration)),
            service.GetBlobContainerClient(ReceiptContainer),
            new QueueClient(connectionString, PoisonQueue));
    }

    private async Task PollAsync(BlobWatch watch, CancellationToken stoppingToken)
    {
        if (!await watch.Container.ExistsAsync(stoppingToken)) return;
        await watch.Receipts.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        var blobs = watch.Container.GetBlobsAsync(new GetBlobsOptions { Prefix = watch.Pattern.Prefix }, stoppingToken);
        // Several blobs at once, as the host's blob extension does (maxDegreeOfParallelism), so a
        // backlog of failing blobs does not hold up new ones for minutes.
        await Parallel.ForEachAsync(blobs, new ParallelOptions { MaxDegreeOfParallelism = options.BlobParallelism, CancellationToken = stoppingToken },
            async (blob, cancellationToken) =>
            {
                if (!watch.Pattern.TryMatch(blob.Name, out var bindingData)) return;
                var receipt = watch.Receipts.GetBlobClient(
                    $"blobreceipts/{options.HostId}/{watch.Function.Name}/{blob.Properties.ETag}/{watch.Container.Name}/{blob.Name}");
                var state = await BlobReceipt.ReadAsync(receipt, cancellationToken);
                if (state.IsFinal) return;
                await InvokeAsync(watch, blob, bindingData, receipt, state, cancellationToken);
            });
    }

    private async Task InvokeAsync(
        BlobWatch watch, BlobItem blob, Dictionary<string, object?> bindingData, BlobClient receipt, BlobReceipt state, CancellationToken stoppingToken)
    {
        var blobClient = watch.Container.GetBlobClient(blob.Name);
        bindingData["blobTrigger"] = $"{watch.Container.Name}/{blob.Name}";
        try
        {
            var parameter = watch.Function.Method.GetParameters().Single(p => p.Name == watch.Function.Trigger.ParameterName);
            var value = await BlobTriggerValue.BindAsync(blobClient, parameter.ParameterType, stoppingToken);
            await invoker.InvokeAsync(watch.Function, value, bindingData, null, stoppingToken);
            await BlobReceipt.WriteAsync(receipt, BlobReceipt.Completed(state.Attempts + 1), stoppingToken);
            LogFired(watch.Function.Name, blob.Name, blob.Properties.ETag);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            var attempts = state.Attempts + 1;
            LogAttemptFailed(exception, watch.Function.Name, blob.Name, attempts, MaxAttempts);
            if (attempts < MaxAttempts)
            {
                await BlobReceipt.WriteAsync(receipt, BlobReceipt.Failed(attempts), stoppingToken);
                return;
            }
            await watch.PoisonQueue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
            await watch.PoisonQueue.SendMessageAsync(
                BinaryData.FromString(JsonSerializer.Serialize(new
                {
                    Type = "BlobTrigger",
                    FunctionId = watch.Function.Name,
                    BlobType = "BlockBlob",
                    ContainerName = watch.Container.Name,
                    BlobName = blob.Name,
                    ETag = blob.Properties.ETag?.ToString(),
                })),
                cancellationToken: stoppingToken);
            await BlobReceipt.WriteAsync(receipt, BlobReceipt.Poisoned(attempts), stoppingToken);
            LogPoisoned(watch.Function.Name, blob.Name, PoisonQueue);
        }
    }

    private sealed record BlobWatch(
        FunctionDescriptor Function, BlobContainerClient Container, BlobPathPattern Pattern, BlobContainerClient Receipts, QueueClient PoisonQueue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob trigger {Function} fired for {Blob} ({ETag})")]
    private partial void LogFired(string function, string blob, ETag? eTag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob trigger {Function} failed for {Blob}, attempt {Attempt} of {MaxAttempts}")]
    private partial void LogAttemptFailed(Exception exception, string function, string blob, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Blob trigger {Function} gave up on {Blob}: recorded in queue {Queue}")]
    private partial void LogPoisoned(string function, string blob, string queue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Blob trigger {Function}: polling failed")]
    private partial void LogPollFailed(Exception exception, string function);
}
