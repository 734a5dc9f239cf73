using Microsoft.Extensions.Configuration;

namespace CulturalServerless.Storage;

/// <summary>
/// Reads <see cref="StorageOptions"/> from the app settings. The storage setting follows the Azure
/// Functions identity-based connection convention (<c>ReportStorage</c> as a connection string, or
/// <c>ReportStorage__blobServiceUri</c>) so that the blob trigger binding and our own client read
/// the same settings.
/// </summary>
public static class StorageConfiguration
{
    /// <param name="configuration">The app settings.</param>
    /// <param name="requireBlobStorage">False for tools that only reach Cosmos DB (the first-admin bootstrap).</param>
    public static StorageOptions Read(IConfiguration configuration, bool requireBlobStorage = true)
    {
        var cosmos = configuration.GetSection("Cosmos");
        var reportStorage = configuration.GetSection(StorageOptions.ReportStorageConnection);
        var clientId = configuration["AZURE_CLIENT_ID"];

        var options = new StorageOptions
        {
            CosmosConnectionString = NullIfBlank(cosmos["ConnectionString"]),
            CosmosAccountEndpoint = ParseUri(cosmos["AccountEndpoint"]),
            CosmosDatabase = NullIfBlank(cosmos["Database"]) ?? "cultural",
            CosmosCreateIfMissing = bool.TryParse(cosmos["CreateIfMissing"], out var create) && create,
            BlobConnectionString = NullIfBlank(reportStorage.Value),
            BlobServiceUri = ParseUri(reportStorage["blobServiceUri"]),
            QueueServiceUri = ParseUri(reportStorage["queueServiceUri"]),
            ReminderPageQueue = NullIfBlank(configuration["REMINDER_PAGE_QUEUE"]) ?? "reminder-pages",
            ReminderDeliveryQueue = NullIfBlank(configuration["REMINDER_DELIVERY_QUEUE"]) ?? "reminder-deliveries",
            ManagedIdentityClientId = NullIfBlank(reportStorage["clientId"]) ?? NullIfBlank(clientId),
        };

        var problems = new List<string>();
        if (options.CosmosConnectionString is null && options.CosmosAccountEndpoint is null)
        {
            problems.Add("Cosmos__ConnectionString or Cosmos__AccountEndpoint must be set.");
        }
        if (requireBlobStorage && options.BlobConnectionString is null && options.BlobServiceUri is null)
        {
            problems.Add($"{StorageOptions.ReportStorageConnection} or {StorageOptions.ReportStorageConnection}__blobServiceUri must be set.");
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Storage is not configured: " + string.Join(" ", problems));
        }
        return options;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Uri? ParseUri(string? value) =>
        NullIfBlank(value) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
}
