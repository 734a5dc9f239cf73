using System.Security.Cryptography;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Reports.Rendering;
using CulturalServerless.Reports.Signing;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Reports;

/// <summary>
/// Renders, signs and stores the official report of one scored assessment version, from its
/// report-request snapshot. Safe to run twice for one snapshot: a version gets one document number,
/// one PDF and one record.
/// </summary>
public sealed partial class ReportRenderingService(
    IReportRequestStore requests,
    IReportStore reports,
    IAssessmentStore assessments,
    AssessmentHeadUpdater heads,
    ReportRenderer renderer,
    ReportSigner signer,
    ISigningCertificateSource certificates,
    TimeProvider clock,
    ILogger<ReportRenderingService> logger)
{
    /// <summary>Renders the report of the snapshot named <paramref name="requestName"/> in the report-requests container.</summary>
    public async Task RenderAsync(string requestName, CancellationToken cancellationToken)
    {
        var request = await requests.ReadAsync(requestName, cancellationToken);
        var agencyId = request.Agency.Id;
        var stored = await assessments.FindVersionAsync(agencyId, request.Year, request.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Report request {requestName} names a version that is not stored.");
        var version = stored.Value;
        if (version.Report.State == ReportState.Ready)
        {
            LogAlreadyRendered(agencyId, request.Year, request.Version);
            return;
        }
        StoredReport report;
        try
        {
            report = await reports.FindAsync(agencyId, request.Year, request.Version, cancellationToken)
                ?? await RenderAndStoreAsync(request, version, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(exception, agencyId, request.Year, request.Version);
            await heads.RecordReportAsync(version, version.Report with
            {
                State = ReportState.Failed,
                FailureReason = $"Không tạo được báo cáo: {exception.GetType().Name}. Hệ thống sẽ thử lại.",
            }, cancellationToken);
            throw; // the trigger retries, then records the snapshot as poison
        }
        // Outside the try: once the signed PDF is stored, a failure to record it must not mark it failed.
        await heads.RecordReportAsync(version, version.Report with
        {
            State = ReportState.Ready,
            BlobPath = report.BlobPath,
            Sha256 = report.Sha256,
            Size = report.Size,
            DocumentNumber = report.DocumentNumber,
            SignedAt = report.SignedAt,
            CertificateThumbprint = report.CertificateThumbprint,
            FailureReason = null,
        }, cancellationToken);
        LogRendered(agencyId, request.Year, request.Version, report.DocumentNumber, report.Size);
    }

    private async Task<StoredReport> RenderAndStoreAsync(ReportRequest request, AssessmentVersion version, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // The number and date were taken in the agency's register when the version was submitted.
        var official = OfficialReportMapper.Map(request, request.Issue.Sequence, request.Issue.Date);

        using var composed = renderer.Compose(official);
        var pdf = await signer.SignAsync(composed, cancellationToken);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var certificate = await certificates.GetCertificateAsync(cancellationToken);
        return await reports.StoreAsync(request.Agency.Id, request.Year, request.Version, pdf, sha256,
            official.Number.Reference, now, CertificateThumbprints.Of(certificate), new Dictionary<string, string>
            {
                ["assessmentId"] = version.Id,
                ["version"] = version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {AgencyId}/{Year} v{Version} is ready already; nothing to do")]
    private partial void LogAlreadyRendered(string agencyId, int year, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {AgencyId}/{Year} v{Version} signed as {DocumentNumber} ({Size} bytes)")]
    private partial void LogRendered(string agencyId, int year, int version, string documentNumber, long size);

    [LoggerMessage(Level = LogLevel.Error, Message = "Report {AgencyId}/{Year} v{Version} failed")]
    private partial void LogFailed(Exception exception, string agencyId, int year, int version);
}
