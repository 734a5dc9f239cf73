using CulturalServerless.Application.Access;
using CulturalServerless.Application.Paging;
using CulturalServerless.Scoring;
using CulturalServerless.Serialization;
using CulturalServerless.Validation;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// The steering committee's list of a year's assessments, highest computed total first, narrowed in
/// the query to what the caller may read.
/// </summary>
public sealed class AssessmentListService(IAssessmentStore assessments)
{
    public async Task<Page<AssessmentSummary>> ListAsync(
        Caller caller, int? year, string? jurisdiction, string? status, string? verdict, string? continuationToken, int? pageSize, CancellationToken cancellationToken)
    {
        var problems = new ValidationProblemList();
        var filter = Filter(caller, problems, year, jurisdiction, status, verdict, () => ListQueryChecks.PageSize(problems, pageSize));
        var page = await assessments.ListAsync(filter, continuationToken, pageSize ?? ListQueryChecks.DefaultPageSize, cancellationToken);
        return new Page<AssessmentSummary>(page.Items.Select(AssessmentSummary.From).ToList(), page.ContinuationToken);
    }

    /// <summary>
    /// The list's filter, checked: every bad parameter at once (with the caller's own checks in
    /// <paramref name="moreChecks"/>, adding to <paramref name="problems"/>) as one 400 problem, then
    /// the caller's scope, so that the export narrows exactly as the list does.
    /// </summary>
    public static AssessmentFilter Filter(
        Caller caller, ValidationProblemList problems, int? year, string? jurisdiction, string? status, string? verdict, Action? moreChecks = null)
    {
        AssessmentYear.CheckQuery(problems, year);
        ListQueryChecks.Jurisdiction(problems, jurisdiction);
        if (status is not null && !Enum.GetValues<AssessmentStatus>().Any(s => JsonName(s) == status))
        {
            problems.Add("$.query.status", "invalid-status", $"status phải là một trong: {string.Join(", ", Enum.GetValues<AssessmentStatus>().Select(JsonName))}.",
                "Unknown status.");
        }
        if (verdict is not null && !Enum.GetValues<Verdict>().Any(v => JsonName(v) == verdict))
        {
            problems.Add("$.query.verdict", "invalid-verdict", "verdict phải là passed hoặc failed.", "The verdict must be passed or failed.");
        }
        moreChecks?.Invoke();
        ListQueryChecks.ThrowIfAny(problems);
        var access = AccessRules.ListScope(caller, jurisdiction);
        return new AssessmentFilter(year!.Value, jurisdiction, status, verdict, access);
    }

    private static string JsonName<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value, JsonDefaults.Options).Trim('"');
}
