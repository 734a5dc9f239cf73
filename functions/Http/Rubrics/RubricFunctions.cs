using CulturalServerless.Application.Problems;
using CulturalServerless.Scoring.Rubrics;

namespace CulturalServerless.Functions.Http.Rubrics;

/// <summary>The scoring scales: <c>GET /api/rubrics?year=</c> and <c>GET /api/rubrics/{rubricId}</c>.</summary>
public sealed class RubricFunctions(RubricCatalog catalog, ILogger<RubricFunctions> logger)
{
    /// <summary>A rubric without its criteria tree, for choosing one.</summary>
    public sealed record RubricSummary(string Id, int Version, string Title, IReadOnlyList<int> Years, IReadOnlyList<string> Jurisdictions,
        decimal TotalPoints, decimal PassThreshold);

    [Function("ListRubrics")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "rubrics")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, () =>
        {
            var year = QueryParameters.Integer(request, "year");
            var rubrics = catalog.Rubrics
                .Where(r => year is null || r.AppliesTo(year.Value))
                .Select(r => new RubricSummary(r.Id, r.Version, r.Title, r.Years, r.Jurisdictions, r.TotalPoints, r.PassThreshold))
                .ToList();
            return Task.FromResult<IActionResult>(ApiResults.Json(new { items = rubrics }));
        });

    [Function("GetRubric")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "rubrics/{rubricId}")] HttpRequest request,
        string rubricId,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, () =>
        {
            var rubric = catalog.Find(rubricId) ?? throw ApiProblemException.NotFound($"Không có bộ tiêu chí '{rubricId}'.");
            return Task.FromResult<IActionResult>(ApiResults.Json(rubric));
        });
}
