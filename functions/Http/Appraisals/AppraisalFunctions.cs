using CulturalServerless.Application.Appraisals;
using CulturalServerless.Application.Concurrency;

namespace CulturalServerless.Functions.Http.Appraisals;

/// <summary>
/// The steering committee's appraisal of an agency's assessment for a year: <c>GET …/appraisal</c>
/// reads it item by item with the assessment's ETag; <c>PUT …/appraisal</c> records points and
/// comments; <c>POST …/appraisal/explanation-request</c> asks the agency to explain items by a
/// deadline; <c>POST …/appraisal/explanation</c> is the agency's answer; <c>POST …/appraisal/final</c>
/// records the result and locks the assessment. Every change needs If-Match.
/// </summary>
public sealed class AppraisalFunctions(AppraisalService appraisals, ILogger<AppraisalFunctions> logger)
{
    private const string Route = "agencies/{agencyId}/assessments/{year}/appraisal";

    [Function("GetAppraisal")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Route)] HttpRequest request, string agencyId, string year,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
            Answer(request, await appraisals.GetAsync(caller, agencyId, year, cancellationToken)));

    [Function("RecordAppraisal")]
    public Task<IActionResult> Record(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = Route)] HttpRequest request, string agencyId, string year,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
            Answer(request, await appraisals.RecordAsync(caller, agencyId, year,
                await JsonBody.ReadAsync<AppraisalMarks>(request, cancellationToken), IfMatch(request), cancellationToken)));

    [Function("RequestExplanation")]
    public Task<IActionResult> RequestExplanation(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Route + "/explanation-request")] HttpRequest request, string agencyId, string year,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
            Answer(request, await appraisals.RequestExplanationAsync(caller, agencyId, year,
                await JsonBody.ReadAsync<ExplanationRequestBody>(request, cancellationToken), IfMatch(request), cancellationToken)));

    [Function("AnswerExplanation")]
    public Task<IActionResult> AnswerExplanation(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Route + "/explanation")] HttpRequest request, string agencyId, string year,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
            Answer(request, await appraisals.AnswerAsync(caller, agencyId, year,
                await JsonBody.ReadAsync<ExplanationAnswerBody>(request, cancellationToken), IfMatch(request), cancellationToken)));

    [Function("FinalizeAppraisal")]
    public Task<IActionResult> Finalize(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Route + "/final")] HttpRequest request, string agencyId, string year,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
            Answer(request, await appraisals.FinalizeAsync(caller, agencyId, year,
                await JsonBody.ReadAsync<FinalAppraisalBody>(request, cancellationToken), IfMatch(request), cancellationToken)));

    private static string? IfMatch(HttpRequest request) => request.Headers.IfMatch.FirstOrDefault();

    private static IActionResult Answer(HttpRequest request, Stored<AppraisalView> appraisal)
    {
        request.HttpContext.Response.Headers.ETag = EntityTags.ToHeader(appraisal.ETag);
        return ApiResults.Json(appraisal.Value);
    }
}
