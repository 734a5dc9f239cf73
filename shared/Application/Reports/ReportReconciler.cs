using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Problems;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CulturalServerless.Application.Reports;

/// <summary>
/// Finishes what a crash or a failed render left undone, so that every stored version ends with a
/// head that records it and a report that is ready or failed for good. The version document is the
/// outbox: a version whose report is still requested past <c>Reports__StuckAfter</c>, or failed with
/// its retry due, is requested again — the head is made to record the version, the version is
/// claimed with If-Match (so of two runs at once only one goes on), and its snapshot is written
/// again, which sets the renderer off. Heads whose report lags their latest version's are brought
/// in step. Each run handles at most <c>Reports__ReconcileMaxPerRun</c> versions and as many heads.
/// Also the admin's retry of a report failed for good.
/// </summary>
public sealed partial class ReportReconciler(
    IAssessmentStore assessments,
    IAgencyStore agencies,
    AgencyService agencyService,
    IReportRequestStore requests,
    AssessmentHeadUpdater heads,
    IOptions<ReportRetryOptions> options,
    TimeProvider clock,
    ILogger<ReportReconciler> logger)
{
    /// <summary>One reconciler run.</summary>
    public async Task<ReconcileSummary> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var cap = Math.Max(1, settings.ReconcileMaxPerRun);
        var versions = await ReconcilePass.RunAsync<VersionKey>(
            (token, size) => assessments.FindReportsDueAsync(now - settings.StuckAfter, now, token, size, cancellationToken),
            key => RequestDueAsync(key, now, settings, cancellationToken),
            (exception, key) => LogVersionFailed(exception, key.AgencyId, key.Year, key.Version),
            settings.ReconcilePageSize, cap, cancellationToken);
        var heads = await ReconcilePass.RunAsync<VersionKey>(
            (token, size) => assessments.FindHeadsAwaitingReportAsync(now - settings.StuckAfter, token, size, cancellationToken),
            key => BringHeadInStepAsync(key, cancellationToken),
            (exception, key) => LogHeadFailed(exception, key.AgencyId, key.Year),
            settings.ReconcilePageSize, cap, cancellationToken);

        var summary = new ReconcileSummary(versions.Seen, versions.Handled, versions.Skipped, heads.Seen, heads.Handled,
            versions.Errors + heads.Errors, versions.Capped || heads.Capped);
        LogSummary(summary.Due, summary.Requested, summary.Skipped, summary.HeadsChecked, summary.HeadsFixed, summary.Errors, summary.Capped);
        return summary;
    }

    /// <summary>
    /// An admin asks for a report to be rendered again (one failed for good, or stuck): its attempts
    /// start again at 0, it is requested, the history says by whom, and its snapshot is written
    /// again. 403 for anyone but an admin, 404 for a version the admin cannot see, 409 when the
    /// report is ready. The version's report as requested.
    /// </summary>
    public async Task<VersionReport> RetryAsync(
        Caller caller, string agencyId, string yearText, string versionText, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "cho tạo lại báo cáo", Roles.Admin);
        var year = AssessmentYear.FromRoute(yearText);
        var number = VersionNumber.FromRoute(versionText);
        var agency = (await agencyService.GetAsync(caller, agencyId, cancellationToken)).Value;
        var stored = await assessments.FindVersionAsync(agencyId, year, number, cancellationToken)
            ?? throw ApiProblemException.NotFound($"Không có phiên bản {number} của tự đánh giá năm {year} của cơ quan '{agencyId}'.");
        if (stored.Value.Report.State == ReportState.Ready) throw AlreadyReady(agencyId, year, number);
        var now = clock.GetUtcNow();
        var report = await RequestAgainAsync(stored.Value, agency, current => current.State == ReportState.Ready
                ? null
                : current with { State = ReportState.Requested, Attempts = 0, RetryAt = null, FailureReason = null, RequestedAt = now },
            _ => new HistoryEntry(now, caller.Actor, "report-retry-requested", number, "quản trị viên cho tạo lại báo cáo"),
            cancellationToken);
        LogRetryRequested(agencyId, year, number, caller.Actor.Subject);
        return report ?? throw AlreadyReady(agencyId, year, number);
    }

    private static ApiProblemException AlreadyReady(string agencyId, int year, int number) =>
        new(ProblemType.Conflict, $"Báo cáo của phiên bản {number} năm {year} của cơ quan '{agencyId}' đã được tạo; không cần tạo lại.");

    /// <summary>Whether the reconciler should request this report again now.</summary>
    private static bool IsDue(VersionReport report, DateTimeOffset submittedAt, DateTimeOffset now, ReportRetryOptions settings) => report.State switch
    {
        ReportState.Requested => (report.RequestedAt ?? submittedAt) <= now - settings.StuckAfter,
        ReportState.Failed => report.RetryAt is { } retryAt && retryAt <= now,
        _ => false,
    };

    private async Task<bool> RequestDueAsync(VersionKey key, DateTimeOffset now, ReportRetryOptions settings, CancellationToken cancellationToken)
    {
        var stored = await assessments.FindVersionAsync(key.AgencyId, key.Year, key.Version, cancellationToken);
        if (stored is null || !IsDue(stored.Value.Report, stored.Value.SubmittedAt, now, settings)) return false;
        var version = stored.Value;
        var report = await RequestAgainAsync(version, agency: null,
            current => IsDue(current, version.SubmittedAt, now, settings)
                ? current with { State = ReportState.Requested, RequestedAt = now, RetryAt = null, FailureReason = null }
                : null,
            // A retry after a failure is worth a line in the history; a request re-sent because it got lost is not.
            current => current.Attempts == 0 ? null
                : new HistoryEntry(now, Actor.System, "report-requested", key.Version, $"thử lại lần {current.Attempts + 1}"),
            cancellationToken);
        if (report is not null) LogRequestedAgain(key.AgencyId, key.Year, key.Version, report.Attempts);
        return report is not null;
    }

    /// <summary>
    /// Makes the head record the version (idempotent), claims the version's report with
    /// <paramref name="change"/> (null: someone else did, or it no longer needs it) and writes its
    /// snapshot again — the one there when it is readable, else one made from the version and the
    /// agency. The report as claimed, or null.
    /// </summary>
    private async Task<VersionReport?> RequestAgainAsync(
        AssessmentVersion version, Agency? agency, Func<VersionReport, VersionReport?> change, Func<VersionReport, HistoryEntry?> entry,
        CancellationToken cancellationToken)
    {
        var name = AssessmentKeys.ReportRequestName(version.AgencyId, version.Year, version.Version);
        var snapshot = await requests.TryReadAsync(name, cancellationToken);
        agency = snapshot?.Agency ?? agency ?? (await agencies.FindAsync(version.AgencyId, cancellationToken))?.Value
            ?? throw new InvalidOperationException($"Assessment version {version.Id} names agency '{version.AgencyId}', which is not registered.");
        await heads.RecordSubmissionAsync(agency, version, version.SubmittedBy, headAsRead: null, cancellationToken);
        var report = await heads.ChangeReportAsync(version.AgencyId, version.Year, version.Version, change, entry, cancellationToken);
        if (report is null) return null;
        await requests.RewriteAsync(snapshot ?? ReportRequest.Of(agency, version), cancellationToken);
        return report;
    }

    /// <summary>A head whose report is not its latest version's (the render landed, the head write did not): recorded again.</summary>
    private async Task<bool> BringHeadInStepAsync(VersionKey key, CancellationToken cancellationToken)
    {
        var head = await assessments.FindHeadAsync(key.AgencyId, key.Year, cancellationToken);
        var version = await assessments.FindVersionAsync(key.AgencyId, key.Year, key.Version, cancellationToken);
        if (head is null || version is null || head.Value.LatestVersion != key.Version) return false;
        var report = version.Value.Report;
        if (head.Value.Report == report && head.Value.Status == AssessmentHeadUpdater.StatusOf(report)) return false;
        await heads.RecordReportAsync(version.Value, report, cancellationToken);
        LogHeadInStep(key.AgencyId, key.Year, key.Version, report.State);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciler: {Due} reports due, {Requested} requested again, {Skipped} skipped (taken by another run or no longer due); {HeadsChecked} heads checked, {HeadsFixed} brought in step; {Errors} errors; capped {Capped}")]
    private partial void LogSummary(int due, int requested, int skipped, int headsChecked, int headsFixed, int errors, bool capped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {AgencyId}/{Year} v{Version} requested again (after {Attempts} failed renders)")]
    private partial void LogRequestedAgain(string agencyId, int year, int version, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Head {AgencyId}/{Year} brought in step with v{Version}'s report ({State})")]
    private partial void LogHeadInStep(string agencyId, int year, int version, ReportState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {AgencyId}/{Year} v{Version}: retry requested by {Actor}")]
    private partial void LogRetryRequested(string agencyId, int year, int version, string actor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciler could not request report {AgencyId}/{Year} v{Version} again; the next run tries")]
    private partial void LogVersionFailed(Exception exception, string agencyId, int year, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciler could not bring head {AgencyId}/{Year} in step; the next run tries")]
    private partial void LogHeadFailed(Exception exception, string agencyId, int year);
}

/// <summary>What one reconciler run did.</summary>
public sealed record ReconcileSummary(int Due, int Requested, int Skipped, int HeadsChecked, int HeadsFixed, int Errors, bool Capped);
