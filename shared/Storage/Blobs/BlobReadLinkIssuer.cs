using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace CulturalServerless.Storage.Blobs;

/// <summary>A read-only link to one blob and when it stops working.</summary>
public sealed record BlobReadLink(Uri Url, DateTimeOffset ExpiresOn);

/// <summary>Issues short-lived, read-only links to blobs. A seam: tests and other hosts may swap it.</summary>
public interface IBlobReadLinkIssuer
{
    Task<BlobReadLink> IssueAsync(BlobClient blob, TimeSpan lifetime, CancellationToken cancellationToken);
}

/// <summary>
/// With a shared key (the local emulator) the link is an account-key SAS; with a managed identity
/// (Azure, where shared keys are off) it is a user-delegation SAS signed by a key that Blob Storage
/// issues to the identity. Either way: read only, HTTPS where the endpoint has it, and at most
/// <see cref="MaxLifetime"/> long.
/// </summary>
public sealed class BlobReadLinkIssuer(BlobServiceClient service, TimeProvider clock) : IBlobReadLinkIssuer
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(15);

    // Tolerates a client clock slightly ahead of the storage service's.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task<BlobReadLink> IssueAsync(BlobClient blob, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, $"A read link lives more than 0 and at most {MaxLifetime}.");
        }
        var now = clock.GetUtcNow();
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, now + lifetime)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now - ClockSkew,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        if (blob.CanGenerateSasUri)
        {
            return new BlobReadLink(blob.GenerateSasUri(sas), sas.ExpiresOn);
        }
        var key = await service.GetUserDelegationKeyAsync(sas.StartsOn, sas.ExpiresOn, cancellationToken);
        var uri = new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, service.AccountName) }.ToUri();
        return new BlobReadLink(uri, sas.ExpiresOn);
    }
}
