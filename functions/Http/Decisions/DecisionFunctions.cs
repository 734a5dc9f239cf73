using CulturalServerless.Application.Decisions;

namespace CulturalServerless.Functions.Http.Decisions;

/// <summary>
/// Recognition decisions: <c>POST /api/decisions</c> issues one (decider; Idempotency-Key
/// required), <c>GET /api/decisions/{id}</c> reads it, <c>GET /api/decisions/{id}/document</c> gives
/// a 15-minute read-only link to its signed PDF (<c>?redirect=true</c>: 302 to it), and
/// <c>GET /api/agencies/{agencyId}/recognition</c> is an agency's recognition history.
/// </summary>
public sealed class DecisionFunctions(DecisionService decisions, RecognitionHistoryService history, ILogger<DecisionFunctions> logger)
{
    [Function("CreateDecision")]
    public Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "decisions")] HttpRequest request, CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
        {
            var idempotencyKey = request.Headers.TryGetValue("Idempotency-Key", out var key) ? key.ToString() : null;
            var outcome = await decisions.CreateAsync(caller, await JsonBody.ReadAsync<DecisionRequest>(request, cancellationToken), idempotencyKey, cancellationToken);
            request.HttpContext.Response.Headers.Location = $"/api/decisions/{outcome.Decision.Id}";
            if (outcome.Replayed) request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
            return ApiResults.Json(outcome.Decision, outcome.Replayed ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
        });

    [Function("GetDecision")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "decisions/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
            ApiResults.Json(await decisions.GetAsync(caller, id, cancellationToken)));

    [Function("GetDecisionDocument")]
    public Task<IActionResult> GetDocument(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "decisions/{id}/document")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
        {
            var link = await decisions.GetLinkAsync(caller, id, cancellationToken);
            return ApiResults.Link(request, link.Url, link);
        });

    [Function("GetRecognitionHistory")]
    public Task<IActionResult> GetHistory(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agencies/{agencyId}/recognition")] HttpRequest request, string agencyId,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
            ApiResults.Json(await history.GetAsync(caller, agencyId, cancellationToken)));
}
