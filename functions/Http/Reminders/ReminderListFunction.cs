using CulturalServerless.Application.Reminders;

namespace CulturalServerless.Functions.Http.Reminders;

/// <summary><c>GET /api/reminders?year=&amp;jurisdiction=&amp;agencyId=&amp;continuationToken=&amp;pageSize=</c> for portals that poll.</summary>
public sealed class ReminderListFunction(ReminderListService reminders, ILogger<ReminderListFunction> logger)
{
    [Function("ListReminders")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reminders")] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpEndpoint.RunAsync(request, logger, cancellationToken, async (caller, cancellationToken) => ApiResults.Json(await reminders.ListAsync(
            caller,
            QueryParameters.Integer(request, "year"),
            QueryParameters.Text(request, "jurisdiction"),
            QueryParameters.Text(request, "agencyId"),
            QueryParameters.Text(request, "continuationToken"),
            QueryParameters.Integer(request, "pageSize"),
            cancellationToken)));
}
