using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CulturalServerless.LocalRunner.Catalog;
using CulturalServerless.LocalRunner.Invocation;

namespace CulturalServerless.LocalRunner.Triggers;

/// <summary>
/// Invokes queue-triggered functions as the Functions host's queue listener does, with the
/// host.json <c>extensions.queues</c> settings (<see cref="QueueHostSettings"/>): it takes up to
/// <c>batchSize</c> messages at once, hidden for 10 minutes while they are processed, and takes the
/// next batch when no more than <c>newBatchThreshold</c> are still under way; an empty queue is
/// polled again after a pause that doubles up to <c>maxPollingInterval</c>. A message whose
/// function succeeds is deleted; one that fails becomes visible again after
/// <c>visibilityTimeout</c>, and once it has been dequeued <c>maxDequeueCount</c> times it moves to
/// <c>&lt;queue&gt;-poison</c>. A process killed mid-invocation deletes nothing, so the message
/// reappears when its 10 minutes are up.
/// </summary>
internal sealed partial class QueueTriggerListener(
    IReadOnlyList<FunctionDescriptor> functions,
    FunctionInvoker invoker,
    IConfiguration configuration,
    RunnerOptions options,
    QueuePollCycles cycles,
    ILogger<QueueTriggerListener> logger) : BackgroundService
{
    public const string PoisonSuffix = "-poison";

    /// <summary>The first pause after an empty poll; it doubles up to maxPollingInterval.</summary>
    private static readonly TimeSpan FirstPollPause = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(functions.Where(f => f.Trigger is QueueTrigger).Select(f => ListenAsync(f, stoppingToken)));
        }
        finally
        {
            cycles.Stopped();
        }
    }

    private async Task ListenAsync(FunctionDescriptor function, CancellationToken stoppingToken)
    {
        var trigger = (QueueTrigger)function.Trigger;
        var settings = options.Queues;
        var connectionName = trigger.Connection ?? "AzureWebJobsStorage";
        var connectionString = configuration[connectionName] ?? configuration[$"ConnectionStrings:{connectionName}"]
            ?? throw new InvalidOperationException($"Queue trigger {function.Name}: connection '{connectionName}' is not set.");
        var clientOptions = new QueueClientOptions { MessageEncoding = settings.Base64 ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None };
        string name;
        try
        {
            name = AppSettingReference.Resolve(trigger.QueueName, configuration);
        }
        catch (InvalidOperationException exception)
        {
            // As the host does with a function it cannot index: the others go on.
            LogNotListening(exception, function.Name);
            return;
        }
        var queue = new QueueClient(connectionString, name, clientOptions);
        var poison = new QueueClient(connectionString, name + PoisonSuffix, clientOptions);
        var parameter = function.Method.GetParameters().Single(p => p.Name == trigger.ParameterName);
        var underWay = new HashSet<Task>();
        var pause = FirstPollPause;
        while (!stoppingToken.IsCancellationRequested)
        {
            // The next batch only once few enough of the last are left, as the host does.
            while (underWay.Count > settings.NewBatchThreshold)
            {
                underWay.Remove(await Task.WhenAny(underWay));
            }
            var poll = cycles.PollStarted(name);
            QueueMessage[] batch;
            try
            {
                batch = await queue.ReceiveMessagesAsync(settings.BatchSize, QueueHostSettings.ProcessingVisibility, stoppingToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                batch = []; // Not created yet: as empty.
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(exception, function.Name, name);
                batch = [];
            }
            catch (OperationCanceledException)
            {
                break;
            }
            foreach (var message in batch)
            {
                underWay.Add(ProcessAsync(function, parameter.ParameterType, queue, poison, message, settings, stoppingToken));
            }
            underWay.RemoveWhere(t => t.IsCompleted);
            if (batch.Length > 0)
            {
                pause = FirstPollPause;
                continue;
            }
            if (underWay.Count == 0) cycles.PollIdle(name, poll);
            try
            {
                // An invocation that ends wakes the loop too: its message may have become visible again at once.
                var wait = Task.Delay(pause, stoppingToken);
                await (underWay.Count == 0 ? wait : Task.WhenAny(underWay.Append(wait)));
                await Task.Yield();
            }
            catch (OperationCanceledException)
            {
                break;
            }
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, settings.MaxPollingInterval.Ticks));
        }
        await Task.WhenAll(underWay);
    }

    private async Task ProcessAsync(
        FunctionDescriptor function, Type parameterType, QueueClient queue, QueueClient poison, QueueMessage message, QueueHostSettings settings,
        CancellationToken stoppingToken)
    {
        try
        {
            // Dequeued more often than allowed (its process died each time): straight to poison, as the host does.
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(function, queue, poison, message, stoppingToken);
                return;
            }
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await invoker.InvokeAsync(function, QueueTriggerValue.Bind(message, parameterType), QueueTriggerValue.BindingData(message), null, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogAttemptFailed(exception, function.Name, message.MessageId, message.DequeueCount, settings.MaxDequeueCount);
                if (message.DequeueCount >= settings.MaxDequeueCount)
                {
                    await MoveToPoisonAsync(function, queue, poison, message, stoppingToken);
                }
                else
                {
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: stoppingToken);
                }
                return;
            }
            finally
            {
                cycles.InvocationEnded(queue.Name, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            }
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404 || exception.ErrorCode == "PopReceiptMismatch")
        {
            // Gone already (a retried delete whose first try went through), or taken again after its
            // visibility ended, by an invocation that completes it: as the host does, nothing to do.
            LogAlreadyCompleted(function.Name, message.MessageId, exception.ErrorCode);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // Deleting or releasing failed: the message reappears after its processing visibility, as under the host.
            LogCompletionFailed(exception, function.Name, message.MessageId);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the message reappears after its processing visibility.
        }
    }

    private async Task MoveToPoisonAsync(FunctionDescriptor function, QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        await poison.SendMessageAsync(message.Body, cancellationToken: stoppingToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
        LogPoisoned(function.Name, message.MessageId, message.DequeueCount, poison.Name);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue trigger {Function} failed for message {MessageId}, dequeue {DequeueCount} of {MaxDequeueCount}")]
    private partial void LogAttemptFailed(Exception exception, string function, string messageId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue trigger {Function} gave up on message {MessageId} after {DequeueCount} dequeues: moved to {Queue}")]
    private partial void LogPoisoned(string function, string messageId, long dequeueCount, string queue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue trigger {Function} is not listening: its queue name cannot be resolved")]
    private partial void LogNotListening(Exception exception, string function);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue trigger {Function}: polling {Queue} failed")]
    private partial void LogPollFailed(Exception exception, string function, string queue);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Queue trigger {Function}: message {MessageId} was already completed or taken again ({ErrorCode})")]
    private partial void LogAlreadyCompleted(string function, string messageId, string? errorCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue trigger {Function}: completing message {MessageId} failed")]
    private partial void LogCompletionFailed(Exception exception, string function, string messageId);
}
