using Azure.Core;
using Azure.Storage.Blobs;

namespace CulturalServerless.Storage.Blobs;

/// <summary>Builds the process's single <see cref="BlobServiceClient"/> from <see cref="StorageOptions"/>.</summary>
public static class BlobServiceClientFactory
{
    public static BlobServiceClient Create(StorageOptions options, TokenCredential credential) =>
        options.BlobConnectionString is { } connectionString
            ? new BlobServiceClient(connectionString)
            : new BlobServiceClient(options.BlobServiceUri!, credential);
}
