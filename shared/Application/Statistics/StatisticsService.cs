using CulturalServerless.Application.Access;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Paging;
using CulturalServerless.Application.Reminders;
using CulturalServerless.Calendar;
using CulturalServerless.Validation;

namespace CulturalServerless.Application.Statistics;

/// <summary>
/// The committee's figures for a year and the years before it (<c>GET /api/statistics</c>), per
/// unit under its scope, counted from the stored records at each request: the scope's agencies
/// once, then per year the heads and, for the agencies without one, whether they saved a draft.
/// A unit is the level just under the jurisdiction asked for (a province's districts), or the
/// agency's own jurisdiction when it sits at that level.
/// </summary>
public sealed class StatisticsService(IStatisticsStore store, ReminderCalendar deadlines, TimeProvider clock)
{
    public const int DefaultPreviousYears = 2;
    public const int MaxPreviousYears = 5;

    public async Task<StatisticsReport> ComputeAsync(Caller caller, int? year, string? jurisdiction, int? previousYears, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "xem thống kê", Roles.Admin, Roles.Reviewer);
        var problems = new ValidationProblemList();
        AssessmentYear.CheckQuery(problems, year);
        ListQueryChecks.Jurisdiction(problems, jurisdiction);
        if (previousYears is < 0 or > MaxPreviousYears)
        {
            problems.Add("$.query.previousYears", "out-of-range", $"previousYears phải từ 0 đến {MaxPreviousYears}.", $"previousYears must be 0 to {MaxPreviousYears}.");
        }
        ListQueryChecks.ThrowIfAny(problems);
        var access = AccessRules.ListScope(caller, jurisdiction);
        var root = jurisdiction ?? (access is { AgencyIds.Count: 0 } ? access.Jurisdiction : null);

        var agencies = new Dictionary<string, RegisteredAgency>(StringComparer.Ordinal);
        await foreach (var agency in store.ReadAgenciesAsync(jurisdiction, access, cancellationToken)) agencies[agency.Id] = agency;
        var today = VietnamCalendar.Today(clock);
        var years = new List<YearStatistics>();
        for (var y = year!.Value; y >= Math.Max(AssessmentYear.Min, year.Value - (previousYears ?? DefaultPreviousYears)); y--)
        {
            years.Add(await YearAsync(y, jurisdiction, access, root, agencies, today, cancellationToken));
        }
        return new StatisticsReport(jurisdiction, today, years);
    }

    private async Task<YearStatistics> YearAsync(
        int year, string? jurisdiction, AccessScope? access, string? root, Dictionary<string, RegisteredAgency> agencies, DateOnly today,
        CancellationToken cancellationToken)
    {
        var total = new StatisticsTally(null);
        var units = new SortedDictionary<string, StatisticsTally>(StringComparer.Ordinal);
        StatisticsTally UnitOf(string agencyJurisdiction)
        {
            var unit = UnitCode(root, agencyJurisdiction);
            return units.TryGetValue(unit, out var tally) ? tally : units[unit] = new StatisticsTally(unit);
        }

        var withHead = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var head in store.ReadHeadsAsync(year, jurisdiction, access, cancellationToken))
        {
            withHead.Add(head.AgencyId);
            // An agency registered under one jurisdiction may have submitted under another before it moved: the head says where it was.
            total.AddSubmitted(head);
            UnitOf(head.Jurisdiction).AddSubmitted(head);
        }
        var without = agencies.Values.Where(a => !withHead.Contains(a.Id)).ToList();
        var drafted = await store.FindAgenciesWithDraftAsync(year, [.. without.Select(a => a.Id)], cancellationToken);
        foreach (var agency in agencies.Values)
        {
            total.AddRegistered();
            UnitOf(agency.Jurisdiction).AddRegistered();
        }
        foreach (var agency in without)
        {
            var unit = UnitOf(agency.Jurisdiction);
            if (drafted.Contains(agency.Id))
            {
                total.AddDraftOnly();
                unit.AddDraftOnly();
            }
            if (today > deadlines.For(agency.Jurisdiction, year).Deadline)
            {
                total.AddMissing();
                unit.AddMissing();
            }
        }
        return new YearStatistics(year, total.ToStatistics(), [.. units.Values.Select(u => u.ToStatistics())]);
    }

    /// <summary>The code one level under <paramref name="root"/> that <paramref name="code"/> lies in (the province when there is no root); the code itself at that level or above.</summary>
    internal static string UnitCode(string? root, string code)
    {
        var depth = root is null ? 1 : root.Split('.').Length + 1;
        var parts = code.Split('.');
        return parts.Length <= depth ? code : string.Join('.', parts.Take(depth));
    }
}
