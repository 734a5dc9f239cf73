using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Scoring.Submissions;

namespace CulturalServerless.Functions.Http.Assessments;

/// <summary>
/// An agency's working copy of its yearly assessment: <c>PUT …/draft</c> validates, scores and
/// saves it (<c>If-Match</c> optional), <c>GET …/draft</c> reads it; both answer its <c>ETag</c>.
/// </summary>
public sealed class AssessmentDraftFunctions(AssessmentDraftService drafts, ILogger<AssessmentDraftFunctions> logger)
{
    [Function("SaveAssessmentDraft")]
    public Task<IActionResult> Save(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "agencies/{agencyId}/assessments/{year}/draft")] HttpRequest request,
        string agencyId,
        string year,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
        {
            var submission = await JsonBody.ReadAsync<AssessmentSubmission>(request, cancellationToken);
            var result = await drafts.SaveAsync(caller, agencyId, year, submission, request.Headers.IfMatch.FirstOrDefault(), cancellationToken);
            request.HttpContext.Response.Headers.ETag = EntityTags.ToHeader(result.Draft.ETag);
            if (result.Created)
            {
                request.HttpContext.Response.Headers.Location = $"/api/agencies/{result.Draft.Value.AgencyId}/assessments/{result.Draft.Value.Year}/draft";
            }
            return ApiResults.Json(result.Draft.Value, result.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });

    [Function("GetAssessmentDraft")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agencies/{agencyId}/assessments/{year}/draft")] HttpRequest request,
        string agencyId,
        string year,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
        {
            var draft = await drafts.GetAsync(caller, agencyId, year, cancellationToken);
            request.HttpContext.Response.Headers.ETag = EntityTags.ToHeader(draft.ETag);
            return ApiResults.Json(draft.Value);
        });
}
