using CulturalServerless.Application.Assessments;

namespace CulturalServerless.Functions.Http.Assessments;

/// <summary><c>GET /api/assessments?year=&amp;jurisdiction=&amp;status=&amp;verdict=&amp;continuationToken=</c> for the steering committee.</summary>
public sealed class AssessmentListFunction(AssessmentListService assessments, ILogger<AssessmentListFunction> logger)
{
    [Function("ListAssessments")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "assessments")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) => ApiResults.Json(await assessments.ListAsync(
            caller,
            QueryParameters.Integer(request, "year"),
            QueryParameters.Text(request, "jurisdiction"),
            QueryParameters.Text(request, "status"),
            QueryParameters.Text(request, "verdict"),
            QueryParameters.Text(request, "continuationToken"),
            QueryParameters.Integer(request, "pageSize"),
            cancellationToken)));
}
