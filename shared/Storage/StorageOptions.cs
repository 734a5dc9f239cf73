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

    /// <summary>Client id of the user-assigned managed identity, when one is used.</summary>
    public string? ManagedIdentityClientId { get; init; }
}
