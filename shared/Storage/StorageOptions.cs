namespace CulturalServerless.Storage;

/// <summary>
/// Where the app keeps its data. Locally both services are reached through connection strings to
/// the emulators; in Azure through endpoints and the app's managed identity (keys are disabled there).
/// </summary>
public sealed class StorageOptions
{
    /// <summary>Name of the connection that the blob trigger and the blob client share.</summary>
    public const string ReportStorageConnection = "ReportStorage";

    public string? CosmosConnectionString { get; init; }
    public Uri? CosmosAccountEndpoint { get; init; }
    public string CosmosDatabase { get; init; } = "cultural";

    /// <summary>Create the database and containers at start-up. Local development only.</summary>
    public bool CosmosCreateIfMissing { get; init; }

    public string? BlobConnectionString { get; init; }
    public Uri? BlobServiceUri { get; init; }

    /// <summary>The queue service of the same account, in Azure (<c>ReportStorage__queueServiceUri</c>); locally the connection string names it.</summary>
    public Uri? QueueServiceUri { get; init; }

    /// <summary>The queue of reminder run pages (<c>REMINDER_PAGE_QUEUE</c>), which the page function is triggered by.</summary>
    public string ReminderPageQueue { get; init; } = "reminder-pages";

    /// <summary>The queue of reminder deliveries (<c>REMINDER_DELIVERY_QUEUE</c>), one message per post.</summary>
    public string ReminderDeliveryQueue { get; init; } = "reminder-deliveries";

    /// <summary>Client id of the user-assigned managed identity, when one is used.</summary>
    public string? ManagedIdentityClientId { get; init; }
}
