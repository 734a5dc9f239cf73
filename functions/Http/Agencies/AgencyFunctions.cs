using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Concurrency;

namespace CulturalServerless.Functions.Http.Agencies;

/// <summary>The agency registry: <c>PUT/GET /api/agencies/{agencyId}</c> and <c>GET /api/agencies</c>, each within the caller's scope.</summary>
public sealed class AgencyFunctions(AgencyService agencies, ILogger<AgencyFunctions> logger)
{
    [Function("PutAgency")]
    public Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "agencies/{agencyId}")] HttpRequest request,
        string agencyId,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
        {
            var registration = await JsonBody.ReadAsync<AgencyRegistration>(request, cancellationToken);
            var result = await agencies.RegisterAsync(caller, agencyId, registration, request.Headers.IfMatch.FirstOrDefault(), cancellationToken);
            request.HttpContext.Response.Headers.ETag = EntityTags.ToHeader(result.Agency.ETag);
            if (result.Created)
            {
                request.HttpContext.Response.Headers.Location = $"/api/agencies/{agencyId}";
            }
            return ApiResults.Json(result.Agency.Value, result.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });

    [Function("GetAgency")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agencies/{agencyId}")] HttpRequest request,
        string agencyId,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
        {
            var agency = await agencies.GetAsync(caller, agencyId, cancellationToken);
            request.HttpContext.Response.Headers.ETag = EntityTags.ToHeader(agency.ETag);
            return ApiResults.Json(agency.Value);
        });

    [Function("ListAgencies")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "agencies")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
        {
            var page = await agencies.ListAsync(
                caller,
                QueryParameters.Text(request, "jurisdiction"),
                QueryParameters.Text(request, "continuationToken"),
                QueryParameters.Integer(request, "pageSize"),
                cancellationToken);
            return ApiResults.Json(page);
        });
}
