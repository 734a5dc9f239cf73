using CulturalServerless.Application.Decisions;

namespace CulturalServerless.Functions.Http.Decisions;

/// <summary>
/// <c>POST /api/decisions/{id}/document/retry</c>: an admin has a decision rendered and signed
/// again (one failed through the host's tries, once its cause is fixed): 202 with the decision, requested again.
/// </summary>
public sealed class DecisionRetryFunction(DecisionReconciler reconciler, ILogger<DecisionRetryFunction> logger)
{
    [Function("RetryDecisionDocument")]
    public Task<IActionResult> Retry(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "decisions/{id}/document/retry")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
            ApiResults.Json(await reconciler.RetryAsync(caller, id, cancellationToken), StatusCodes.Status202Accepted));
}
