using Azure.Core;
using Azure.Storage.Queues;
using CulturalServerless.Application.Reminders;
using CulturalServerless.Serialization;

namespace CulturalServerless.Storage.Queues;

/// <summary>
/// The reminder queues in Queue Storage, on the <c>ReportStorage</c> account (the connection the
/// queue triggers name). Messages are JSON in base64, the Functions host's default
/// <c>messageEncoding</c>, so the triggers read what this writes.
/// </summary>
public sealed class ReminderQueue(QueueServiceClient service, StorageOptions options) : IReminderQueue
{
    private readonly QueueClient pages = service.GetQueueClient(options.ReminderPageQueue);
    private readonly QueueClient deliveries = service.GetQueueClient(options.ReminderDeliveryQueue);

    public static QueueServiceClient CreateService(StorageOptions options, TokenCredential credential)
    {
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return options.BlobConnectionString is { } connectionString
            ? new QueueServiceClient(connectionString, clientOptions)
            : new QueueServiceClient(
                options.QueueServiceUri ?? throw new InvalidOperationException("ReportStorage__queueServiceUri must be set for the reminder queues."),
                credential, clientOptions);
    }

    /// <summary>Both queues, for local start-up (in Azure the infrastructure creates them).</summary>
    public IEnumerable<QueueClient> All => [pages, deliveries];

    public Task EnqueuePageAsync(ReminderPageMessage message, CancellationToken cancellationToken) =>
        pages.SendMessageAsync(BinaryData.FromObjectAsJson(message, JsonDefaults.Options), cancellationToken: cancellationToken);

    public Task EnqueueDeliveryAsync(ReminderDeliveryMessage message, CancellationToken cancellationToken) =>
        deliveries.SendMessageAsync(BinaryData.FromObjectAsJson(message, JsonDefaults.Options), cancellationToken: cancellationToken);
}
