using Azure.Storage.Blobs;
using CulturalServerless.Application.Reports;
using CulturalServerless.Storage.Blobs;

namespace CulturalServerless.Functions.Triggers;

/// <summary>
/// Renders and signs the official report when a scored assessment's snapshot lands in
/// <c>report-requests</c>. In Azure the Event Grid source drives it (Flex Consumption has no
/// polling); a run that throws is retried, and after 5 failures the host puts the blob in the
/// <c>webjobs-blobtrigger-poison</c> queue (docs/reports.md says how to replay it).
/// </summary>
public sealed class RenderReportFunction(ReportRenderingService rendering)
{
    [Function("RenderReport")]
    public Task Run(
        [BlobTrigger(BlobContainers.ReportRequests + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = "ReportStorage")] BlobClient blob,
        string name,
        CancellationToken cancellationToken) =>
        rendering.RenderAsync(name, cancellationToken);
}
