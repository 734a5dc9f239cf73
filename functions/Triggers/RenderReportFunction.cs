using Azure.Storage.Blobs;
using CulturalServerless.Application.Decisions;
using CulturalServerless.Application.Reports;
using CulturalServerless.Storage.Blobs;

namespace CulturalServerless.Functions.Triggers;

/// <summary>
/// Renders and signs the official report when a scored assessment's snapshot lands in
/// <c>report-requests</c>. In Azure the Event Grid source drives it (Flex Consumption has no
/// polling). A failed render is recorded on the version and the run ends normally (the
/// ReconcileReports timer retries it with back-off); a run that throws — nothing could be recorded —
/// is retried, and after 5 failures the host puts the blob in the <c>webjobs-blobtrigger-poison</c>
/// queue, while the version stays requested for the reconciler (docs/reports.md).
/// </summary>
/// <remarks>
/// Recognition decisions are documents we issue too: their requests land in the same container
/// under <c>decisions/</c>, and this trigger hands them to the decision renderer, so one trigger
/// (and one Event Grid subscription) serves every document.
/// </remarks>
public sealed class RenderReportFunction(ReportRenderingService rendering, DecisionRenderingService decisions)
{
    [Function("RenderReport")]
    public Task Run(
        [BlobTrigger(BlobContainers.ReportRequests + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = "ReportStorage")] BlobClient blob,
        string name,
        CancellationToken cancellationToken) =>
        DecisionKeys.TryParseRequestName(name) is { } decisionId
            ? decisions.RenderAsync(decisionId, cancellationToken)
            : rendering.RenderAsync(name, cancellationToken);
}
