using CulturalServerless.Application.Exports;
using CulturalServerless.Functions.Http.Exports;

namespace CulturalServerless.Functions.Http.Decisions;

/// <summary><c>GET /api/decisions/{id}/export?format=xlsx|csv</c>: the decision's annex as a spreadsheet (<see cref="DecisionExportService"/>).</summary>
public sealed class DecisionExportFunction(DecisionExportService exports, ILogger<DecisionExportFunction> logger)
{
    [Function("ExportDecision")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "decisions/{id}/export")] HttpRequest request, string id,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
            new ExportResult(await exports.PrepareAsync(caller, id, QueryParameters.Text(request, "format"), cancellationToken)));
}
