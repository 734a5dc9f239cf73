using System.Text.Json;
using CulturalServerless.Application.Reminders;
using CulturalServerless.Serialization;
using CulturalServerless.Storage;

namespace CulturalServerless.Functions.Queues;

/// <summary>
/// The reminder run's fan-out, on Queue Storage of the <c>ReportStorage</c> account: each page of
/// agencies and each post is a message of its own, so the host spreads them over its instances
/// and retries each alone (host.json <c>extensions.queues</c>: after <c>maxDequeueCount</c> failed
/// deliveries a message moves to its <c>-poison</c> queue). Messages are read as text and parsed
/// with the app's own JSON options, the ones <c>ReminderQueue</c> writes with.
/// </summary>
public sealed class ReminderQueueFunctions(ReminderPageWorker pages, ReminderDeliverer deliverer)
{
    [Function("RemindPage")]
    public Task RemindPage(
        [QueueTrigger("%REMINDER_PAGE_QUEUE%", Connection = StorageOptions.ReportStorageConnection)] string message,
        CancellationToken cancellationToken) =>
        pages.HandleAsync(Parse<ReminderPageMessage>(message), cancellationToken);

    /// <summary>One try of one post; a try that may pass throws, so the queue delivers the message again after the host's visibilityTimeout.</summary>
    [Function("DeliverReminder")]
    public Task DeliverReminder(
        [QueueTrigger("%REMINDER_DELIVERY_QUEUE%", Connection = StorageOptions.ReportStorageConnection)] string message,
        CancellationToken cancellationToken) =>
        deliverer.DeliverAsync(Parse<ReminderDeliveryMessage>(message), cancellationToken);

    /// <summary>A delivery the queue gave up on: its reminder is recorded failed (poisoned), so none stays pending.</summary>
    [Function("RecordPoisonedReminder")]
    public Task RecordPoisonedReminder(
        [QueueTrigger("%REMINDER_DELIVERY_QUEUE%-poison", Connection = StorageOptions.ReportStorageConnection)] string message,
        CancellationToken cancellationToken) =>
        deliverer.RecordPoisonedAsync(Parse<ReminderDeliveryMessage>(message), cancellationToken);

    private static T Parse<T>(string message) =>
        JsonSerializer.Deserialize<T>(message, JsonDefaults.Options) ?? throw new JsonException("The queue message is empty.");
}
