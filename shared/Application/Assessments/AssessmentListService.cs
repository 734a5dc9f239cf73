using CulturalServerless.Application.Access;
using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Application.Paging;
using CulturalServerless.Application.Problems;
using CulturalServerless.Scoring;
using CulturalServerless.Serialization;
using CulturalServerless.Storage.Cosmos;
using CulturalServerless.Validation;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// The steering committee's list of a year's assessments, highest computed total first, narrowed in
/// the query to what the caller may read.
/// </summary>
public sealed class AssessmentListService(AssessmentRepository assessments)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    public async Task<Page<AssessmentSummary>> ListAsync(
        Caller caller, int? year, string? jurisdiction, string? status, string? verdict, string? continuationToken, int? pageSize, CancellationToken cancellationToken)
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
        if (status is not null && !Enum.GetValues<AssessmentStatus>().Any(s => JsonName(s) == status))
        {
            problems.Add("$.query.status", "invalid-status", $"status phải là một trong: {string.Join(", ", Enum.GetValues<AssessmentStatus>().Select(JsonName))}.",
                "Unknown status.");
        }
        if (verdict is not null && !Enum.GetValues<Verdict>().Any(v => JsonName(v) == verdict))
        {
            problems.Add("$.query.verdict", "invalid-verdict", "verdict phải là passed hoặc failed.", "The verdict must be passed or failed.");
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            problems.Add("$.query.pageSize", "out-of-range", $"pageSize phải từ 1 đến {MaxPageSize}.", $"pageSize must be 1 to {MaxPageSize}.");
        }
        if (problems.Count > 0)
        {
            throw new ApiProblemException(ProblemType.InvalidParameter, "Tham số truy vấn không hợp lệ.", problems.ToResult().Problems);
        }
        var access = AccessRules.ListScope(caller, jurisdiction);
        var page = await assessments.ListAsync(new AssessmentFilter(year!.Value, jurisdiction, status, verdict, access),
            continuationToken, pageSize ?? DefaultPageSize, cancellationToken);
        return new Page<AssessmentSummary>(page.Items.Select(AssessmentSummary.From).ToList(), page.ContinuationToken);
    }

    private static string JsonName<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value, JsonDefaults.Options).Trim('"');
}
