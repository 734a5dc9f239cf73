using CulturalServerless.Application.Statistics;

namespace CulturalServerless.Functions.Http.Statistics;

/// <summary><c>GET /api/statistics?year=&amp;jurisdiction=&amp;previousYears=</c>: the committee's figures per unit, this year and the years before (<see cref="StatisticsService"/>).</summary>
public sealed class StatisticsFunction(StatisticsService statistics, ILogger<StatisticsFunction> logger)
{
    [Function("GetStatistics")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "statistics")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) => ApiResults.Json(await statistics.ComputeAsync(
            caller,
            QueryParameters.Integer(request, "year"),
            QueryParameters.Text(request, "jurisdiction"),
            QueryParameters.Integer(request, "previousYears"),
            cancellationToken)));
}
