using System.Text.Json;
using System.Text.Json.Nodes;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Application.Paging;
using CulturalServerless.Serialization;

namespace CulturalServerless.Functions.Http.Clients;

/// <summary>
/// The registry of API clients, for admins: <c>PUT/GET /api/clients/{clientId}</c> and <c>GET /api/clients</c>.
/// An entry grants a client application its roles and scope; PUT, GET and every entry of the list
/// answer with its <c>scopeState</c> too: <c>ended</c> when its jurisdiction no longer exists (its tokens are refused).
/// </summary>
public sealed class ApiClientFunctions(ApiClientService clients, ClientJurisdictions scopes, ILogger<ApiClientFunctions> logger)
{
    [Function("PutApiClient")]
    public Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "clients/{clientId}")] HttpRequest request,
        string clientId,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
        {
            var registration = await JsonBody.ReadAsync<ApiClientRegistration>(request, cancellationToken);
            var (client, created) = await clients.PutAsync(caller, clientId, registration, cancellationToken);
            if (created) request.HttpContext.Response.Headers.Location = $"/api/clients/{clientId}";
            return ApiResults.Json(await WithScopeStateAsync(client, cancellationToken), created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });

    [Function("GetApiClient")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "clients/{clientId}")] HttpRequest request,
        string clientId,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
            ApiResults.Json(await WithScopeStateAsync(await clients.GetAsync(caller, clientId, cancellationToken), cancellationToken)));

    [Function("ListApiClients")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "clients")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
        {
            var page = await clients.ListAsync(
                caller,
                QueryParameters.Text(request, "continuationToken"),
                QueryParameters.Integer(request, "pageSize"),
                cancellationToken);
            var items = new List<JsonObject>(page.Items.Count);
            foreach (var client in page.Items) items.Add(await WithScopeStateAsync(client, cancellationToken));
            return ApiResults.Json(new Page<JsonObject>(items, page.ContinuationToken));
        });

    private async Task<JsonObject> WithScopeStateAsync(ApiClient client, CancellationToken cancellationToken)
    {
        var entry = JsonSerializer.SerializeToNode(client, JsonDefaults.Options)!.AsObject();
        var state = ScopeState.Of(client.Jurisdiction, await scopes.CheckAsync(client.Jurisdiction, cancellationToken));
        entry["scopeState"] = JsonSerializer.SerializeToNode(state, JsonDefaults.Options);
        return entry;
    }
}
