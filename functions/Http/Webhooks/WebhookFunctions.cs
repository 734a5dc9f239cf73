using CulturalServerless.Application.Webhooks;

namespace CulturalServerless.Functions.Http.Webhooks;

/// <summary>
/// Where reminders go: <c>PUT/GET /api/agencies/{agencyId}/webhook</c> and
/// <c>PUT/GET /api/committees/{jurisdiction}/webhook</c>. A PUT answers with the signing secret only
/// when it issues one (first registration, or <c>?rotateSecret=true</c>).
/// </summary>
public sealed class WebhookFunctions(WebhookService webhooks, ILogger<WebhookFunctions> logger)
{
    [Function("PutAgencyWebhook")]
    public Task<IActionResult> PutAgency(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "agencies/{agencyId}/webhook")] HttpRequest request,
        string agencyId,
        CancellationToken cancellationToken) =>
        PutAsync(request, WebhookOwner.Agency(agencyId), $"/api/agencies/{agencyId}/webhook", cancellationToken);

    [Function("GetAgencyWebhook")]
    public Task<IActionResult> GetAgency(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agencies/{agencyId}/webhook")] HttpRequest request,
        string agencyId,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) => ApiResults.Json(await webhooks.GetAsync(caller, WebhookOwner.Agency(agencyId), cancellationToken)));

    [Function("PutCommitteeWebhook")]
    public Task<IActionResult> PutCommittee(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "committees/{jurisdiction}/webhook")] HttpRequest request,
        string jurisdiction,
        CancellationToken cancellationToken) =>
        PutAsync(request, WebhookOwner.Committee(jurisdiction), $"/api/committees/{jurisdiction}/webhook", cancellationToken);

    [Function("GetCommitteeWebhook")]
    public Task<IActionResult> GetCommittee(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "committees/{jurisdiction}/webhook")] HttpRequest request,
        string jurisdiction,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) => ApiResults.Json(await webhooks.GetAsync(caller, WebhookOwner.Committee(jurisdiction), cancellationToken)));

    private Task<IActionResult> PutAsync(HttpRequest request, WebhookOwner owner, string location, CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
        {
            var registration = await JsonBody.ReadAsync<WebhookRegistration>(request, cancellationToken);
            var result = await webhooks.RegisterAsync(caller, owner, registration, QueryParameters.Text(request, "rotateSecret"), cancellationToken);
            // The secret must not linger in a cache between the portal and us.
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            if (result.Created) request.HttpContext.Response.Headers.Location = location;
            return ApiResults.Json(result.View, result.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });
}
