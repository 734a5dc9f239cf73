using CulturalServerless.Agencies;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Paging;
using CulturalServerless.Validation;

namespace CulturalServerless.Application.Reminders;

/// <summary>
/// <c>GET /api/reminders</c>: the year's reminders of a jurisdiction or an agency, with their
/// delivery state, for portals that poll instead of (or as well as) receiving webhooks.
/// </summary>
public sealed class ReminderListService(IReminderStore reminders)
{
    public async Task<Page<Reminder>> ListAsync(
        Caller caller, int? year, string? jurisdiction, string? agencyId, string? continuationToken, int? pageSize, CancellationToken cancellationToken)
    {
        var problems = new ValidationProblemList();
        AssessmentYear.CheckQuery(problems, year);
        ListQueryChecks.Jurisdiction(problems, jurisdiction);
        if (agencyId is not null && !AgencyId.IsValid(agencyId))
        {
            problems.Add("$.query.agencyId", "invalid-agency-id", "Mã cơ quan không hợp lệ.", "Invalid agency id.");
        }
        ListQueryChecks.PageSize(problems, pageSize);
        ListQueryChecks.ThrowIfAny(problems);
        // Narrowed to the caller's scope in the query itself: nothing out of scope leaves the database.
        var access = AccessRules.ListScope(caller, jurisdiction);
        return await reminders.ListAsync(year!.Value, jurisdiction, agencyId, access, continuationToken, pageSize ?? ListQueryChecks.DefaultPageSize, cancellationToken);
    }
}
