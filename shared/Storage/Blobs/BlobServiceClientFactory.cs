using Azure.Core;
using Azure.Storage.Blobs;

namespace CulturalServerless.Storage.Blobs;

/// <summary>Builds the process's single <see cref="BlobServiceClient"/> from <see cref="StorageOptions"/>.</summary>
public static class BlobServiceClientFactory
{
    /// <summary>
    /// How long one network operation may take (sending a request and its headers back, or reading one
    /// chunk of a body), against the SDK's default of 100 s. The app's blobs are report requests of
    /// tens of KB and PDFs of a few hundred: 3 s is ample unless Storage is silent.
    /// </summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// One retry after a pause of about 0.5 s (the default: 5 retries from 0.8 s): a silent Storage
    /// fails by itself in about 6.5 s, within the 10 s request deadline, and a portal retries the
    /// whole request after Retry-After.
    /// </summary>
    public const int MaxRetries = 1;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    public static BlobServiceClient Create(StorageOptions options, TokenCredential credential) =>
        options.BlobConnectionString is { } connectionString
            ? new BlobServiceClient(connectionString, ClientOptions())
            : new BlobServiceClient(options.BlobServiceUri!, credential, ClientOptions());

    public static BlobClientOptions ClientOptions()
    {
        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.Mode = Azure.Core.RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = MaxRetries;
        clientOptions.Retry.Delay = RetryDelay;
        clientOptions.Retry.MaxDelay = MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = NetworkTimeout;
        return clientOptions;
    }
}
