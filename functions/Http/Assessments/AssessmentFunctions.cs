using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Problems;
using CulturalServerless.Scoring.Submissions;
using CulturalServerless.Validation;

namespace CulturalServerless.Functions.Http.Assessments;

/// <summary>
/// An agency's yearly assessment: <c>POST</c> submits a version officially (scored in the request,
/// numbered in the agency's register), <c>GET</c> reads the latest with its ETag,
/// <c>GET …/versions/{version}</c> an earlier one.
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
            var idempotencyKey = request.Headers.TryGetValue("Idempotency-Key", out var key) ? key.ToString() : null;
            var ifMatch = request.Headers.IfMatch.FirstOrDefault();
            var outcome = FromDraft(request)
                ? await assessments.SubmitDraftAsync(caller, agencyId, year, idempotencyKey, ifMatch, cancellationToken)
                : await assessments.SubmitAsync(caller, agencyId, year,
                    await JsonBody.ReadAsync<AssessmentSubmission>(request, cancellationToken), idempotencyKey, ifMatch, cancellationToken);
            var view = outcome.Assessment.Value;
            request.HttpContext.Response.Headers.Location = $"/api/agencies/{view.AgencyId}/assessments/{view.Year}/versions/{view.Version}";
            request.HttpContext.Response.Headers.ETag = EntityTags.ToHeader(outcome.Assessment.ETag);
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
        {
            var latest = await assessments.GetLatestAsync(caller, agencyId, year, cancellationToken);
            request.HttpContext.Response.Headers.ETag = EntityTags.ToHeader(latest.ETag);
            return ApiResults.Json(latest.Value);
        });

    [Function("GetAssessmentVersion")]
    public Task<IActionResult> GetVersion(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agencies/{agencyId}/assessments/{year}/versions/{version}")] HttpRequest request,
        string agencyId,
        string year,
        string version,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
            ApiResults.Json(await assessments.GetVersionAsync(caller, agencyId, year, version, cancellationToken)));

    /// <summary><c>?source=draft</c> submits the saved draft, with no body; without it the body is the submission.</summary>
    private static bool FromDraft(HttpRequest request) => QueryParameters.Text(request, "source") switch
    {
        null => false,
        "draft" => true,
        var other => throw new ApiProblemException(ProblemType.InvalidParameter, "Tham số source chỉ nhận giá trị draft.",
            [new ValidationProblem("$.query.source", "invalid-source", $"source chỉ nhận 'draft'; đã nhận '{other}'.", $"source takes only 'draft'; got '{other}'.")]),
    };
}
