using CulturalServerless.Application.Problems;
using CulturalServerless.Jurisdictions;
using CulturalServerless.Validation;

namespace CulturalServerless.Application.Paging;

/// <summary>
/// The checks every list endpoint makes of its query string, worded once: each adds its problem
/// (path <c>$.query.&lt;name&gt;</c>) so that a caller learns of every bad parameter at once.
/// </summary>
public static class ListQueryChecks
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    public static void Jurisdiction(ValidationProblemList problems, string? jurisdiction)
    {
        if (jurisdiction is not null && !JurisdictionCode.IsValid(jurisdiction))
        {
            problems.Add("$.query.jurisdiction", "invalid-jurisdiction", "Mã địa bàn không hợp lệ (ví dụ: 51 hoặc 51.522).",
                "Invalid jurisdiction code (e.g. 51 or 51.522).");
        }
    }

    public static void PageSize(ValidationProblemList problems, int? pageSize)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            problems.Add("$.query.pageSize", "out-of-range", $"pageSize phải từ 1 đến {MaxPageSize}.", $"pageSize must be 1 to {MaxPageSize}.");
        }
    }

    public static void ThrowIfAny(ValidationProblemList problems)
    {
        if (problems.Count > 0)
        {
            throw new ApiProblemException(ProblemType.InvalidParameter, "Tham số truy vấn không hợp lệ.", problems.ToResult().Problems);
        }
    }
}
