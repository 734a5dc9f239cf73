using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Application.Paging;
using CulturalServerless.Application.Problems;
using CulturalServerless.Storage.Cosmos;
using CulturalServerless.Validation;

namespace CulturalServerless.Application.Reminders;

/// <summary>
/// <c>GET /api/reminders</c>: the year's reminders of a jurisdiction or an agency, with their
/// delivery state, for portals that poll instead of (or as well as) receiving webhooks.
/// </summary>
public sealed class ReminderListService(ReminderRepository reminders)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    public async Task<Page<ReminderRecord>> ListAsync(
        Caller caller, int? year, string? jurisdiction, string? agencyId, string? continuationToken, int? pageSize, CancellationToken cancellationToken)
    {
        var problems = new ValidationProblemList();
        if (year is null or < AssessmentKeys.MinYear or > AssessmentKeys.MaxYear)
        {
            problems.Add("$.query.year", "invalid-year", $"Cần tham số year từ {AssessmentKeys.MinYear} đến {AssessmentKeys.MaxYear}.",
                $"The year parameter ({AssessmentKeys.MinYear}–{AssessmentKeys.MaxYear}) is required.");
        }
        if (jurisdiction is not null && !JurisdictionCode.IsValid(jurisdiction))
        {
            problems.Add("$.query.jurisdiction", "invalid-jurisdiction", "Mã địa bàn không hợp lệ (ví dụ: 51 hoặc 51.522).", "Invalid jurisdiction code.");
        }
        if (agencyId is not null && !AgencyId.IsValid(agencyId))
        {
            problems.Add("$.query.agencyId", "invalid-agency-id", "Mã cơ quan không hợp lệ.", "Invalid agency id.");
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            problems.Add("$.query.pageSize", "out-of-range", $"pageSize phải từ 1 đến {MaxPageSize}.", $"pageSize must be 1 to {MaxPageSize}.");
        }
        if (problems.Count > 0)
        {
            throw new ApiProblemException(ProblemType.InvalidParameter, "Tham số truy vấn không hợp lệ.", problems.ToResult().Problems);
        }
        // Narrowed to the caller's scope in the query itself: nothing out of scope leaves the database.
        var access = AccessRules.ListScope(caller, jurisdiction);
        return await reminders.ListAsync(year!.Value, jurisdiction, agencyId, access, continuationToken, pageSize ?? DefaultPageSize, cancellationToken);
    }
}
