using CulturalServerless.Application.Assessments;
using CulturalServerless.Scoring;

namespace CulturalServerless.Application.Exports;

/// <summary>
/// One agency-year as the committee's export shows it: the agency and its unit, where its
/// assessment stands, its self and computed scores, the appraisal when there is one (empty cells
/// until then), the document number and the API route of its report.
/// </summary>
public sealed record AssessmentExportRow
{
    public required string AgencyId { get; init; }
    public required string AgencyName { get; init; }

    /// <summary>The agency's unit: the jurisdiction whose committee oversees it.</summary>
    public required string Unit { get; init; }

    public required int Year { get; init; }
    public required int Version { get; init; }
    public required AssessmentStatus Status { get; init; }
    public required Verdict Verdict { get; init; }
    public decimal? SelfTotal { get; init; }
    public required decimal ComputedTotal { get; init; }
    public AssessmentAppraisal? Appraisal { get; init; }
    public string? DocumentNumber { get; init; }
    public required string ReportLink { get; init; }

    /// <param name="head">The agency-year's head.</param>
    /// <param name="documentNumber">The number its latest version took at submission (the head has it only once the report is rendered).</param>
    /// <param name="apiBase">The API's base address (<c>https://…/api</c>, or <c>/api</c>), which the report's route is under.</param>
    public static AssessmentExportRow From(AssessmentHead head, string? documentNumber, string apiBase) => new()
    {
        AgencyId = head.AgencyId,
        AgencyName = head.AgencyName,
        Unit = head.Jurisdiction,
        Year = head.Year,
        Version = head.LatestVersion,
        Status = head.Status,
        Verdict = head.Verdict,
        SelfTotal = head.SelfTotal,
        ComputedTotal = head.ComputedTotal,
        Appraisal = head.Appraisal,
        DocumentNumber = documentNumber,
        ReportLink = ReportRoute(apiBase, head.AgencyId, head.Year),
    };

    public static string ReportRoute(string apiBase, string agencyId, int year) =>
        FormattableString.Invariant($"{apiBase.TrimEnd('/')}/agencies/{Uri.EscapeDataString(agencyId)}/assessments/{year}/report");
}

/// <summary>One criterion's score of an agency-year's latest version, for the export's second sheet.</summary>
public sealed record CriterionExportRow(
    string AgencyId, string AgencyName, string Unit, int Year, int Version, string Code, string Title, decimal MaxPoints, decimal Points, decimal? SelfScore);
