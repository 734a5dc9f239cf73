using CulturalServerless.Application.Exports;
using CulturalServerless.Functions.Http.Exports;

namespace CulturalServerless.Functions.Http.Assessments;

/// <summary>
/// <c>GET /api/assessments/export?year=&amp;jurisdiction=&amp;status=&amp;verdict=&amp;format=xlsx|csv</c>:
/// the committee's list as a spreadsheet, streamed (<see cref="AssessmentExportService"/>).
/// </summary>
public sealed class AssessmentExportFunction(AssessmentExportService exports, ILogger<AssessmentExportFunction> logger)
{
    [Function("ExportAssessments")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "assessments/export")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) => new ExportResult(await exports.PrepareAsync(
            caller,
            QueryParameters.Integer(request, "year"),
            QueryParameters.Text(request, "jurisdiction"),
            QueryParameters.Text(request, "status"),
            QueryParameters.Text(request, "verdict"),
            QueryParameters.Text(request, "format"),
            ApiBase(request),
            cancellationToken)));

    /// <summary>The API's own address as the caller reached it, for the report links in the rows; <c>/api</c> when the request names no host.</summary>
    internal static string ApiBase(HttpRequest request) =>
        request.Host.HasValue ? $"{request.Scheme}://{request.Host}{request.PathBase}/api" : "/api";
}
