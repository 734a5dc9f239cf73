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

    /// <summary>Deterministic blob name of a version's report request, under the report-requests container.</summary>
    public static string ReportRequestName(string agencyId, int year, int version) =>
        $"{agencyId}/{year.ToString(CultureInfo.InvariantCulture)}/v{version.ToString(CultureInfo.InvariantCulture)}.json";
}
