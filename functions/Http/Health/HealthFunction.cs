using CulturalServerless.Application.Health;

namespace CulturalServerless.Functions.Http.Health;

/// <summary><c>GET /api/health</c>: 200 when Cosmos DB and Blob Storage answer, 503 naming the one that does not.</summary>
public sealed class HealthFunction(HealthService health)
{
    [Function("Health")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken);
        return ApiResults.Json(report, report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
