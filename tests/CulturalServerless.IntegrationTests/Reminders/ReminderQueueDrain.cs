using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CulturalServerless.Serialization;
using CulturalServerless.Storage;

namespace CulturalServerless.IntegrationTests.Reminders;

/// <summary>What a run's queued work came to once the queues were drained.</summary>
public sealed record ReminderRunResult(
    int Agencies, int Missing, int Queued, int NoWebhook, int AlreadyHandled, int Digests, int Delivered, int Failed, int Retried, int Poisoned,
    TimeSpan LongestDelivery)
{
    /// <summary>Reminders recorded by the run: queued for a webhook, or kept for polling.</summary>
    public int Sent => Queued + NoWebhook;
}

/// <summary>
/// Works the reminder queues of one host (real Azurite queues of its own) until they are empty,
/// calling the app's page and delivery services as the queue functions do, with the host's
/// retry rules at test speed: a failure makes the message visible again at once, and after
/// <see cref="MaxDequeueCount"/> dequeues it moves to the <c>-poison</c> queue, whose function
/// records it. The local runner's own queue listener is tested on its own (LocalRunnerQueueTests).
/// </summary>
public sealed class ReminderQueueDrain(IServiceProvider services)
{
    public const int MaxDequeueCount = 5;

    private long longestDeliveryTicks;
    private int agencies, missing, queued, noWebhook, alreadyHandled, digests, delivered, failed, retried, poisoned;

    public async Task<ReminderRunResult> DrainAsync()
    {
        var options = services.GetRequiredService<StorageOptions>();
        var queues = services.GetRequiredService<QueueServiceClient>();
        var pages = queues.GetQueueClient(options.ReminderPageQueue);
        var deliveries = queues.GetQueueClient(options.ReminderDeliveryQueue);
        var poison = queues.GetQueueClient(options.ReminderDeliveryQueue + "-poison");
        var pagePoison = queues.GetQueueClient(options.ReminderPageQueue + "-poison");
        var worker = services.GetRequiredService<ReminderPageWorker>();
        var deliverer = services.GetRequiredService<ReminderDeliverer>();
        bool any;
        do
        {
            any = await WorkAsync(pages, pagePoison, async body =>
            {
                var summary = await worker.HandleAsync(Parse<ReminderPageMessage>(body), CancellationToken.None);
                Interlocked.Add(ref agencies, summary.Agencies);
                Interlocked.Add(ref missing, summary.Missing);
                Interlocked.Add(ref queued, summary.Queued);
                Interlocked.Add(ref noWebhook, summary.NoWebhook);
                Interlocked.Add(ref alreadyHandled, summary.AlreadyHandled);
                Interlocked.Add(ref digests, summary.Digests);
            });
            any |= await WorkAsync(deliveries, poison, async body =>
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    switch (await deliverer.DeliverAsync(Parse<ReminderDeliveryMessage>(body), CancellationToken.None))
                    {
                        case DeliveryOutcome.Delivered: Interlocked.Increment(ref delivered); break;
                        case DeliveryOutcome.Failed: Interlocked.Increment(ref failed); break;
                    }
                }
                finally
                {
                    var ticks = System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks;
                    long seen;
                    while (ticks > (seen = Interlocked.Read(ref longestDeliveryTicks)) && Interlocked.CompareExchange(ref longestDeliveryTicks, ticks, seen) != seen) { }
                }
            });
            any |= await WorkAsync(poison, null, async body =>
            {
                await deliverer.RecordPoisonedAsync(Parse<ReminderDeliveryMessage>(body), CancellationToken.None);
                Interlocked.Increment(ref poisoned);
            });
        }
        while (any);
        return new ReminderRunResult(agencies, missing, queued, noWebhook, alreadyHandled, digests, delivered, failed, retried, poisoned,
            TimeSpan.FromTicks(longestDeliveryTicks));
    }

    private async Task<bool> WorkAsync(QueueClient queue, QueueClient? poisonQueue, Func<string, Task> handle)
    {
        if (!await queue.ExistsAsync()) return false;
        QueueMessage[] batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(2))).Value;
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (message, _) =>
        {
            try
            {
                await handle(message.Body.ToString());
            }
            catch (Exception) when (poisonQueue is not null)
            {
                if (message.DequeueCount < MaxDequeueCount)
                {
                    Interlocked.Increment(ref retried);
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
                    return;
                }
                await poisonQueue.CreateIfNotExistsAsync();
                await poisonQueue.SendMessageAsync(message.Body);
            }
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        });
        return batch.Length > 0;
    }

    private static T Parse<T>(string body) => JsonSerializer.Deserialize<T>(body, JsonDefaults.Options)!;
}
