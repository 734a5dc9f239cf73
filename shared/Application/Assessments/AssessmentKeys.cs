using System.Globalization;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// Ids and the partition key of an agency's assessment for a year. Everything about one
/// agency-year (its head, every version, its draft) shares one logical partition, so submitting, reading and
/// versioning never leave it.
/// </summary>
public static class AssessmentKeys
{
    public static string PartitionKey(string agencyId, int year) => $"{agencyId}|{year.ToString(CultureInfo.InvariantCulture)}";

    public static string HeadId(string agencyId, int year) => $"{agencyId}-{year.ToString(CultureInfo.InvariantCulture)}";

    public static string VersionId(string agencyId, int year, int version) =>
        $"{HeadId(agencyId, year)}-v{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The agency-year's one draft, in the same partition as its head and versions.</summary>
    public static string DraftId(string agencyId, int year) => $"{HeadId(agencyId, year)}-draft";

    /// <summary>
    /// The agency's document register for calendar year <paramref name="year"/>, in the partition
    /// of its assessment of that year (docs/data-model.md).
    /// </summary>
    public static string RegisterId(string agencyId, int year) => $"{HeadId(agencyId, year)}-register";

    /// <summary>Deterministic blob name of a version's report request, under the report-requests container.</summary>
    public static string ReportRequestName(string agencyId, int year, int version) =>
        $"{agencyId}/{year.ToString(CultureInfo.InvariantCulture)}/v{version.ToString(CultureInfo.InvariantCulture)}.json";

    /// <summary>The agency, year and version a report request's blob name (<see cref="ReportRequestName"/>) stands for; null when it is not such a name.</summary>
    public static (string AgencyId, int Year, int Version)? TryParseReportRequestName(string name)
    {
        var parts = name.Split('/');
        if (parts.Length != 3 || parts[0].Length == 0 || !parts[2].StartsWith('v') || !parts[2].EndsWith(".json", StringComparison.Ordinal)) return null;
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return null;
        if (!int.TryParse(parts[2].AsSpan(1, parts[2].Length - 1 - ".json".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1) return null;
        return ReportRequestName(parts[0], year, version) == name ? (parts[0], year, version) : null;
    }
}
