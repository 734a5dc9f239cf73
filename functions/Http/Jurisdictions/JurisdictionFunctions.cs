using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Jurisdictions;

namespace CulturalServerless.Functions.Http.Jurisdictions;

/// <summary>
/// The catalogue of administrative units: <c>GET /api/jurisdictions</c>, <c>GET /api/jurisdictions/{code}</c>,
/// the admin's CSV import (<c>POST /api/jurisdictions/imports</c>) and reorganisations
/// (<c>POST /api/jurisdictions/reorganisations</c>).
/// </summary>
public sealed class JurisdictionFunctions(
    JurisdictionService jurisdictions, ReorganisationService reorganisations, RequestDeadlineOptions deadline, ILogger<JurisdictionFunctions> logger)
{
    [Function("ListJurisdictions")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "jurisdictions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
        {
            var units = await jurisdictions.ListAsync(caller,
                QueryParameters.Text(request, "date"), QueryParameters.Text(request, "level"), QueryParameters.Text(request, "parent"), cancellationToken);
            return ApiResults.Json(new { count = units.Count, items = units });
        });

    [Function("GetJurisdiction")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "jurisdictions/{code}")] HttpRequest request,
        string code,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
            ApiResults.Json(await jurisdictions.GetAsync(caller, code, QueryParameters.Text(request, "date"), cancellationToken)));

    [Function("ImportJurisdictions")]
    public Task<IActionResult> Import(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "jurisdictions/imports")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
        {
            var csv = await CsvBody.ReadAsync(request, cancellationToken);
            return ApiResults.Json(await jurisdictions.ImportAsync(caller, csv, cancellationToken));
        });

    [Function("ApplyReorganisation")]
    public Task<IActionResult> Reorganise(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "jurisdictions/reorganisations")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) =>
        {
            var body = await JsonBody.ReadAsync<ReorganisationRequest>(request, cancellationToken);
            // Half the request's deadline: the run stops in time to answer, and the next call goes on.
            return ApiResults.Json(await reorganisations.ApplyAsync(caller, body, deadline.Deadline / 2, cancellationToken));
        });
}
