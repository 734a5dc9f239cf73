using System.Runtime.CompilerServices;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Paging;
using CulturalServerless.Exports;
using CulturalServerless.Validation;

namespace CulturalServerless.Application.Exports;

/// <summary>
/// The committee's list as a spreadsheet (<c>GET /api/assessments/export</c>): one row per
/// agency-year under the caller's scope, filtered and ordered exactly as the list, and a second
/// sheet with each criterion's score of the latest version. Streamed a page at a time: the heads
/// are read twice (once per sheet) rather than held, and the versions of a page are point reads.
/// </summary>
public sealed class AssessmentExportService(IAssessmentStore assessments)
{
    /// <summary>Heads per query page, and so the most rows (and versions) held at once.</summary>
    public const int PageSize = 100;

    public async Task<TableExport> PrepareAsync(
        Caller caller, int? year, string? jurisdiction, string? status, string? verdict, string? format, string apiBase,
        CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "xuất danh sách tự đánh giá", Roles.Admin, Roles.Reviewer);
        var problems = new ValidationProblemList();
        ExportFormat? exportFormat = null;
        var filter = AssessmentListService.Filter(caller, problems, year, jurisdiction, status, verdict,
            () => exportFormat = TableExport.ParseFormat(format, problems));
        var first = await SummaryPageAsync(filter, null, apiBase, cancellationToken);
        var summary = new ExportSheet<AssessmentExportRow>(
            AssessmentExportColumns.SummarySheet, AssessmentExportColumns.Summary,
            token => PageReader.ReadAllAsync(first, (next, ct) => SummaryPageAsync(filter, next, apiBase, ct), token),
            first.Items);
        var criteria = new ExportSheet<CriterionExportRow>(
            AssessmentExportColumns.CriteriaSheet, AssessmentExportColumns.Criteria, token => CriterionRows(filter, token));
        var name = FormattableString.Invariant($"tu-danh-gia-{filter.Year}{(jurisdiction is null ? "" : "-" + jurisdiction)}.{ExportFormats.Extension(exportFormat!.Value)}");
        return new TableExport(exportFormat.Value, name, [summary, criteria]);
    }

    /// <summary>
    /// A page of summary rows. A head has its document number once the report is rendered (nearly
    /// always); for the others the latest version, which took the number at submission, is read.
    /// </summary>
    private async Task<Page<AssessmentExportRow>> SummaryPageAsync(AssessmentFilter filter, string? token, string apiBase, CancellationToken cancellationToken)
    {
        var page = await assessments.ListAsync(filter, token, PageSize, cancellationToken);
        var numbers = await Task.WhenAll(page.Items.Select(async h => h.Report.DocumentNumber
            ?? (await assessments.FindVersionAsync(h.AgencyId, h.Year, h.LatestVersion, cancellationToken))?.Value.Issue.Reference));
        return new Page<AssessmentExportRow>([.. page.Items.Select((h, i) => AssessmentExportRow.From(h, numbers[i], apiBase))], page.ContinuationToken);
    }

    private async IAsyncEnumerable<CriterionExportRow> CriterionRows(AssessmentFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await assessments.ListAsync(filter, token, PageSize, cancellationToken);
            // The page's latest versions at once: point reads in their own partitions.
            var versions = await Task.WhenAll(page.Items.Select(h => assessments.FindVersionAsync(h.AgencyId, h.Year, h.LatestVersion, cancellationToken)));
            for (var i = 0; i < page.Items.Count; i++)
            {
                var head = page.Items[i];
                if (versions[i]?.Value is not { } version) continue;
                foreach (var criterion in version.Score.Criteria)
                {
                    yield return new CriterionExportRow(head.AgencyId, head.AgencyName, head.Jurisdiction, head.Year, version.Version,
                        criterion.Code, criterion.Title, criterion.MaxPoints, criterion.Points, criterion.SelfScore);
                }
            }
            token = page.ContinuationToken;
        }
        while (token is not null);
    }
}
