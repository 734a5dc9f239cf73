using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CulturalServerless.Application.Reports;

namespace CulturalServerless.Storage.Blobs;

/// <summary>
/// Signed PDF reports in the <c>reports</c> container, at <c>{agencyId}/{year}/v{version}.pdf</c>,
/// each describing itself in its blob metadata.
/// </summary>
public sealed class ReportStore(BlobServiceClient blobs, IBlobReadLinkIssuer links) : IReportStore
{
    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(BlobContainers.Reports);

    public static string BlobName(string agencyId, int year, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{agencyId}/{year}/v{version}.pdf");

    public BlobClient Blob(string agencyId, int year, int version) => container.GetBlobClient(BlobName(agencyId, year, version));

    public Task<StoredReport?> FindAsync(string agencyId, int year, int version, CancellationToken cancellationToken) =>
        FindAsync(BlobName(agencyId, year, version), cancellationToken);

    /// <summary>The signed document stored under <paramref name="name"/> (a report's or a decision's); null when there is none.</summary>
    public async Task<StoredReport?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(name);
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return FromMetadata(blob, properties.Metadata, properties.ContentLength);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    public Task<StoredReport> StoreAsync(
        string agencyId, int year, int version, byte[] pdf, string sha256, string documentNumber, DateTimeOffset signedAt,
        string certificateThumbprint, IDictionary<string, string> extraMetadata, CancellationToken cancellationToken) =>
        StoreAsync(BlobName(agencyId, year, version), pdf, sha256, documentNumber, signedAt, certificateThumbprint, extraMetadata, cancellationToken);

    /// <summary>Stores a signed document under <paramref name="name"/> unless one is there; either way returns the stored one.</summary>
    public async Task<StoredReport> StoreAsync(
        string name, byte[] pdf, string sha256, string documentNumber, DateTimeOffset signedAt,
        string certificateThumbprint, IDictionary<string, string> extraMetadata, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(name);
        var metadata = new Dictionary<string, string>(extraMetadata)
        {
            ["sha256"] = sha256,
            // Metadata values must be ASCII, and a symbol may hold "Đ": stored percent-encoded.
            ["documentNumber"] = Uri.EscapeDataString(documentNumber),
            ["signedAt"] = signedAt.ToString("O", CultureInfo.InvariantCulture),
            ["certificateThumbprint"] = certificateThumbprint,
        };
        try
        {
            await blob.UploadAsync(new BinaryData(pdf), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
                Metadata = metadata,
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            return new StoredReport($"{container.Name}/{blob.Name}", sha256, pdf.LongLength, documentNumber, signedAt, certificateThumbprint);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return await FindAsync(name, cancellationToken)
                ?? throw new InvalidOperationException($"Report {blob.Name} exists but cannot be read.", exception);
        }
    }

    public Task<ReadLink> IssueReadLinkAsync(string agencyId, int year, int version, TimeSpan lifetime, CancellationToken cancellationToken) =>
        IssueReadLinkAsync(BlobName(agencyId, year, version), lifetime, cancellationToken);

    public async Task<ReadLink> IssueReadLinkAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var link = await links.IssueAsync(container.GetBlobClient(name), lifetime, cancellationToken);
        return new ReadLink(link.Url, link.ExpiresOn);
    }

    private StoredReport? FromMetadata(BlobClient blob, IDictionary<string, string> metadata, long size) =>
        metadata.TryGetValue("sha256", out var sha256)
        && metadata.TryGetValue("documentNumber", out var number)
        && metadata.TryGetValue("signedAt", out var signedAt)
        && metadata.TryGetValue("certificateThumbprint", out var thumbprint)
            ? new StoredReport($"{container.Name}/{blob.Name}", sha256, size, Uri.UnescapeDataString(number),
                DateTimeOffset.Parse(signedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), thumbprint)
            : null;
}
