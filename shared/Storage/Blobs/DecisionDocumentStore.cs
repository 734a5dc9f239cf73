using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CulturalServerless.Application.Decisions;
using CulturalServerless.Application.Reports;

namespace CulturalServerless.Storage.Blobs;

/// <summary>
/// A decision's render request at <c>report-requests/decisions/{id}.json</c> (the report trigger's
/// container; the renderer tells the two apart by the prefix) and its signed PDF at
/// <c>reports/decisions/{id}.pdf</c>, beside the reports and under the same immutability. A report's
/// blob name has three segments (<c>{agencyId}/{year}/v{n}.pdf</c>), a decision's two: they never meet.
/// </summary>
public sealed class DecisionDocumentStore(BlobServiceClient blobs, ReportStore reports) : IDecisionDocumentStore
{
    private readonly BlobContainerClient requests = blobs.GetBlobContainerClient(BlobContainers.ReportRequests);

    public static string BlobName(string id) => $"{DecisionKeys.Prefix}{id}.pdf";

    public async Task EnsureRequestedAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await UploadRequestAsync(id, new BlobRequestConditions { IfNoneMatch = ETag.All }, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            // Written by an earlier attempt of the same request.
        }
    }

    public Task RewriteRequestAsync(string id, CancellationToken cancellationToken) => UploadRequestAsync(id, conditions: null, cancellationToken);

    // The record is the request; the blob only wakes the trigger, so it carries the id alone.
    private Task UploadRequestAsync(string id, BlobRequestConditions? conditions, CancellationToken cancellationToken) =>
        requests.GetBlobClient(DecisionKeys.RequestName(id)).UploadAsync(
            BinaryData.FromObjectAsJson(new { decisionId = id }),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                Conditions = conditions,
            },
            cancellationToken);

    public Task<StoredReport?> FindAsync(string id, CancellationToken cancellationToken) => reports.FindAsync(BlobName(id), cancellationToken);

    public Task<StoredReport> StoreAsync(
        string id, byte[] pdf, string sha256, string documentNumber, DateTimeOffset signedAt, string certificateThumbprint, CancellationToken cancellationToken) =>
        reports.StoreAsync(BlobName(id), pdf, sha256, documentNumber, signedAt, certificateThumbprint,
            new Dictionary<string, string> { ["decisionId"] = id }, cancellationToken);

    public Task<ReadLink> IssueReadLinkAsync(string id, TimeSpan lifetime, CancellationToken cancellationToken) =>
        reports.IssueReadLinkAsync(BlobName(id), lifetime, cancellationToken);
}
