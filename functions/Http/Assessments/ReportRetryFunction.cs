using CulturalServerless.Application.Reports;

namespace CulturalServerless.Functions.Http.Assessments;

/// <summary>
/// <c>POST …/versions/{version}/report/retry</c>: an admin has a version's report rendered again
/// (one failed for good after its tries): 202 with the report, requested again.
/// </summary>
public sealed class ReportRetryFunction(ReportReconciler reconciler, ILogger<ReportRetryFunction> logger)
{
    [Function("RetryAssessmentReport")]
    public Task<IActionResult> Retry(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "agencies/{agencyId}/assessments/{year}/versions/{version}/report/retry")] HttpRequest request,
        string agencyId,
        string year,
        string version,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
            ApiResults.Json(await reconciler.RetryAsync(caller, agencyId, year, version, cancellationToken), StatusCodes.Status202Accepted));
}
