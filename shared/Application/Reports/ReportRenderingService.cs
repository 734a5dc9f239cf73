using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Procedures;
using CulturalServerless.Application.Telemetry;
using CulturalServerless.Reports.Rendering;
using CulturalServerless.Reports.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
    IRecognitionProcedures procedures,
    IOptions<ReportRetryOptions> retry,
    IDependencyOutages outages,
    TimeProvider clock,
    ILogger<ReportRenderingService> logger)
{
    /// <summary>
    /// Renders the report of the snapshot named <paramref name="requestName"/> in the
    /// report-requests container. A render that fails is recorded as failed on the version (and
    /// the head when the version is its latest) with when it will be retried, or, after
    /// <c>Reports__MaxRenderAttempts</c>, for good; the run then ends normally, since the
    /// reconciler paces retries. It throws only when it cannot record anything (the host retries
    /// that): the storage is down, or the snapshot is unreadable and names no stored version.
    /// </summary>
    public async Task RenderAsync(string requestName, CancellationToken cancellationToken)
    {
        var request = await requests.TryReadAsync(requestName, cancellationToken);
        if (request is null)
        {
            await RecordUnreadableAsync(requestName, cancellationToken);
            return;
        }
        // The rest of the render belongs to the submitter's trace; the trigger's own span is linked.
        using var activity = AppTelemetry.StartContinuing("RenderReport", request.TraceParent, request.TraceState);
        activity?.SetTag("cultural.agency_id", request.Agency.Id);
        activity?.SetTag("cultural.year", request.Year);
        activity?.SetTag("cultural.version", request.Version);
        var started = Stopwatch.GetTimestamp();
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
            var outage = outages.IsOutage(exception);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            AppTelemetry.Renders.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            AppTelemetry.RenderFailures.Add(1, new KeyValuePair<string, object?>("outage", outage));
            await RecordFailureAsync(agencyId, request.Year, request.Version, $"Không tạo được báo cáo: {exception.GetType().Name}",
                outage, cancellationToken);
            return; // recorded: the reconciler retries it when retryAt comes
        }
        // Outside the try: once the signed PDF is stored, a failure to record it must not mark it failed.
        await heads.RecordReportAsync(version, version.Report.Ready(report), cancellationToken);
        AppTelemetry.Renders.Add(1, new KeyValuePair<string, object?>("outcome", "ready"));
        AppTelemetry.RenderDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        LogRendered(agencyId, request.Year, request.Version, report.DocumentNumber, report.Size);
    }

    /// <summary>
    /// A snapshot that is missing or not a snapshot: its name says whose it is
    /// (<see cref="AssessmentKeys.ReportRequestName"/>), and the failure is recorded on that version
    /// (the reconciler writes the snapshot again from the version when the retry is due).
    /// Otherwise there is nowhere to record it: it throws, and the host poisons the blob.
    /// </summary>
    private async Task RecordUnreadableAsync(string requestName, CancellationToken cancellationToken)
    {
        if (AssessmentKeys.TryParseReportRequestName(requestName) is not { } key
            || await assessments.FindVersionAsync(key.AgencyId, key.Year, key.Version, cancellationToken) is not { } stored)
        {
            LogUnreadableOrphan(requestName);
            throw new InvalidOperationException($"Report request {requestName} cannot be read and names no stored assessment version.");
        }
        LogUnreadable(requestName);
        if (stored.Value.Report.State == ReportState.Ready) return; // rendered from an earlier, readable snapshot
        await RecordFailureAsync(key.AgencyId, key.Year, key.Version, "Không đọc được yêu cầu tạo báo cáo", outage: false, cancellationToken);
    }

    /// <summary>
    /// Failed render number attempts+1 of the version: when it is retried, or failed for good at
    /// the limit. A dependency's <paramref name="outage"/> is not the report's fault and spends no
    /// attempt: it is retried at the longest back-off until the dependency is back.
    /// </summary>
    private Task RecordFailureAsync(string agencyId, int year, int number, string what, bool outage, CancellationToken cancellationToken)
    {
        var options = retry.Value;
        var now = clock.GetUtcNow();
        return heads.ChangeReportAsync(agencyId, year, number, current =>
        {
            if (current.State == ReportState.Ready) return null;
            if (outage)
            {
                var later = now + options.BackoffAfter(Math.Max(1, options.MaxRenderAttempts - 1));
                return current with
                {
                    State = ReportState.Failed,
                    RetryAt = later,
                    // No time in the reason: the same outage then makes one history entry, not one per retry.
                    FailureReason = $"{what}: một dịch vụ tạm thời không khả dụng; hệ thống sẽ tự thử lại cho đến khi dịch vụ hoạt động trở lại.",
                };
            }
            var attempts = current.Attempts + 1;
            if (attempts >= options.MaxRenderAttempts)
            {
                return current with
                {
                    State = ReportState.Failed,
                    Attempts = attempts,
                    RetryAt = null,
                    FailureReason = $"{what} sau {attempts} lần thử; quản trị viên có thể cho tạo lại.",
                };
            }
            var retryAt = now + options.BackoffAfter(attempts);
            return current with
            {
                State = ReportState.Failed,
                Attempts = attempts,
                RetryAt = retryAt,
                FailureReason = string.Create(CultureInfo.InvariantCulture,
                    $"{what} (lần thử {attempts}/{options.MaxRenderAttempts}); hệ thống sẽ thử lại sau {retryAt:yyyy-MM-dd HH:mm} UTC."),
            };
        }, heads.ReportEntries(number), cancellationToken);
    }

    private async Task<StoredReport> RenderAndStoreAsync(ReportRequest request, AssessmentVersion version, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // The number and date were taken in the agency's register when the version was submitted.
        var official = OfficialReportMapper.Map(request, request.Issue.Sequence, request.Issue.Date, procedures);

        using var composed = renderer.Compose(official);
        // The agency's own certificate where one is configured, else the nearest committee's, else
        // the system's; the thumbprint recorded is the one that signed, read from the same signing.
        var signed = await signer.SignReportAsync(composed, SigningIssuer.Agency(request.Agency.Id, request.Agency.Jurisdiction), cancellationToken);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(signed.Pdf));
        return await reports.StoreAsync(request.Agency.Id, request.Year, request.Version, signed.Pdf, sha256,
            official.Number.Reference, now, signed.CertificateThumbprint, new Dictionary<string, string>
            {
                ["assessmentId"] = version.Id,
                ["version"] = version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {AgencyId}/{Year} v{Version} is ready already; nothing to do")]
    private partial void LogAlreadyRendered(string agencyId, int year, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {AgencyId}/{Year} v{Version} signed as {DocumentNumber} ({Size} bytes)")]
    private partial void LogRendered(string agencyId, int year, int version, string documentNumber, long size);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report request {RequestName} cannot be read; the failure is recorded on its version")]
    private partial void LogUnreadable(string requestName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Report request {RequestName} cannot be read and names no stored version; leaving it to the poison queue")]
    private partial void LogUnreadableOrphan(string requestName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Report {AgencyId}/{Year} v{Version} failed")]
    private partial void LogFailed(Exception exception, string agencyId, int year, int version);
}
