using CulturalServerless.Application.Access;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Problems;

namespace CulturalServerless.Application.Reports;

/// <summary>What the committee gets to download a report: a read-only link that expires, and what to check the file against.</summary>
public sealed record ReportLink(Uri Url, DateTimeOffset ExpiresOn, string Sha256, string DocumentNumber, int Version, bool Superseded);

/// <summary>
/// Issues short-lived download links to the signed report of an agency's latest assessment
/// version, or of an earlier one (a superseded report stays downloadable).
/// </summary>
public sealed class ReportLinkService(AssessmentService assessments, IReportStore reports)
{
    /// <summary>Long enough to start a download, short enough that a forwarded link soon stops working.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>Only for callers who may read the assessment (the read rules answer 404 otherwise).</summary>
    public async Task<ReportLink> GetAsync(Caller caller, string agencyId, string yearText, string? versionText, CancellationToken cancellationToken)
    {
        var assessment = versionText is null
            ? (await assessments.GetLatestAsync(caller, agencyId, yearText, cancellationToken)).Value
            : await assessments.GetVersionAsync(caller, agencyId, yearText, versionText, cancellationToken);
        var report = assessment.Report;
        if (report.State != ReportState.Ready || report.Sha256 is null || report.DocumentNumber is null)
        {
            var problem = ApiProblemException.NotFound(report.State == ReportState.Failed
                ? $"Báo cáo phiên bản {assessment.Version} chưa tạo được: {report.FailureReason}"
                : $"Báo cáo phiên bản {assessment.Version} đang được tạo; vui lòng thử lại sau ít phút.");
            problem.Extensions["reportState"] = report.State;
            problem.Extensions["version"] = assessment.Version;
            throw problem;
        }
        var link = await reports.IssueReadLinkAsync(assessment.AgencyId, assessment.Year, assessment.Version, Lifetime, cancellationToken);
        return new ReportLink(link.Url, link.ExpiresOn, report.Sha256, report.DocumentNumber, assessment.Version, assessment.Superseded);
    }
}
