using CulturalServerless.Application.Assessments;
using CulturalServerless.Scoring.Submissions;

namespace CulturalServerless.Functions.Http.Assessments;

/// <summary>
/// An agency's yearly assessment: <c>POST</c> submits a version (scored in the request),
/// <c>GET</c> reads the latest, <c>GET …/versions/{version}</c> an earlier one.
/// </summary>
public sealed class AssessmentFunctions(AssessmentService assessments, ILogger<AssessmentFunctions> logger)
{
    [Function("SubmitAssessment")]
    public Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "agencies/{agencyId}/assessments/{year}")] HttpRequest request,
        string agencyId,
        string year,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
        {
            var submission = await JsonBody.ReadAsync<AssessmentSubmission>(request, cancellationToken);
            var idempotencyKey = request.Headers.TryGetValue("Idempotency-Key", out var key) ? key.ToString() : null;
            var outcome = await assessments.SubmitAsync(caller, agencyId, year, submission, idempotencyKey, cancellationToken);
            var view = outcome.Assessment;
            request.HttpContext.Response.Headers.Location = $"/api/agencies/{view.AgencyId}/assessments/{view.Year}/versions/{view.Version}";
            if (outcome.Replayed) request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
            return ApiResults.Json(view, outcome.Replayed ? StatusCodes.Status200OK : StatusCodes.Status201Created);
        });

    [Function("GetAssessment")]
    public Task<IActionResult> GetLatest(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agencies/{agencyId}/assessments/{year}")] HttpRequest request,
        string agencyId,
        string year,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
            ApiResults.Json(await assessments.GetLatestAsync(caller, agencyId, year, cancellationToken)));

    [Function("GetAssessmentVersion")]
    public Task<IActionResult> GetVersion(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agencies/{agencyId}/assessments/{year}/versions/{version}")] HttpRequest request,
        string agencyId,
        string year,
        string version,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
            ApiResults.Json(await assessments.GetVersionAsync(caller, agencyId, year, version, cancellationToken)));
}
