using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Serialization;

namespace CulturalServerless.Storage.Blobs;

/// <summary>Report-request snapshots in the <c>report-requests</c> container, one per assessment version.</summary>
public sealed class ReportRequestStore(BlobServiceClient blobs) : IReportRequestStore
{
    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(BlobContainers.ReportRequests);

    public string PathOf(string agencyId, int year, int version) =>
        $"{BlobContainers.ReportRequests}/{AssessmentKeys.ReportRequestName(agencyId, year, version)}";

    // A version's snapshot never changes, and writing it again would fire the renderer again.
    public async Task<string> EnsureWrittenAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var name = AssessmentKeys.ReportRequestName(request.Agency.Id, request.Year, request.Version);
        var blob = container.GetBlobClient(name);
        try
        {
            await blob.UploadAsync(
                BinaryData.FromObjectAsJson(request, JsonDefaults.Options),
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            // Already written by an earlier attempt of the same submission.
        }
        return PathOf(request.Agency.Id, request.Year, request.Version);
    }

    public async Task<string> RewriteAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var name = AssessmentKeys.ReportRequestName(request.Agency.Id, request.Year, request.Version);
        await container.GetBlobClient(name).UploadAsync(
            BinaryData.FromObjectAsJson(request, JsonDefaults.Options),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } },
            cancellationToken);
        return PathOf(request.Agency.Id, request.Year, request.Version);
    }

    public async Task<ReportRequest?> TryReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(name, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    public async Task<ReportRequest> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(name);
        var content = (await blob.DownloadContentAsync(cancellationToken)).Value.Content;
        return content.ToObjectFromJson<ReportRequest>(JsonDefaults.Options)
            ?? throw new JsonException($"Report request {blob.Name} is empty.");
    }
}
