using System.Globalization;
using CulturalServerless.Application.Health;
using Microsoft.Net.Http.Headers;

namespace CulturalServerless.Functions.Http.Health;

/// <summary>
/// <c>GET /api/health</c>: 200 when Cosmos DB and Blob Storage answer, 503 with <c>Retry-After</c>
/// naming the one that does not (each probe has its own short timeout, so this answers within seconds).
/// </summary>
public sealed class HealthFunction(HealthService health)
{
    [Function("Health")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken);
        if (!report.IsHealthy)
        {
            request.HttpContext.Response.Headers[HeaderNames.RetryAfter] =
                DependencyFailures.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
        return ApiResults.Json(report, report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
