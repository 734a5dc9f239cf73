using CulturalServerless.Application.Access;

namespace CulturalServerless.Functions.Http.Clients;

/// <summary>
/// The registry of API clients, for admins: <c>PUT/GET /api/clients/{clientId}</c> and <c>GET /api/clients</c>.
/// An entry grants a client application its roles and scope.
/// </summary>
public sealed class ApiClientFunctions(ApiClientService clients, ILogger<ApiClientFunctions> logger)
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
            return ApiResults.Json(client, created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });

    [Function("GetApiClient")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "clients/{clientId}")] HttpRequest request,
        string clientId,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) => ApiResults.Json(await clients.GetAsync(caller, clientId, cancellationToken)));

    [Function("ListApiClients")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "clients")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) => ApiResults.Json(await clients.ListAsync(
            caller,
            QueryParameters.Text(request, "continuationToken"),
            QueryParameters.Integer(request, "pageSize"),
            cancellationToken)));
}
