using System.Globalization;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Concurrency;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// Changes an agency-year's head document under optimistic concurrency: read, change, replace
/// with If-Match; on 412 read again and re-apply. Each change is a function of the current head,
/// so concurrent writers all land and none is silently dropped.
/// </summary>
public sealed class AssessmentHeadUpdater(IAssessmentStore assessments, TimeProvider clock)
{
    private const string ConcurrentChanges = "Quá nhiều thay đổi đồng thời; vui lòng thử lại.";

    /// <summary>
    /// The head an agency-year's first version starts with, as <see cref="RecordSubmissionAsync"/>
    /// would create it: for writing together with that version.
    /// </summary>
    public AssessmentHead FirstHead(Agency agency, AssessmentVersion version, Actor actor) =>
        NewHead(agency, version, SubmissionHistory(version, actor, supersedes: null));

    /// <summary>
    /// Records a new version: it becomes the latest, sets the totals and status, and the version it
    /// supersedes (if any) is marked so in the history. <paramref name="headAsRead"/> is the head as
    /// the caller read it before creating the version (null: read it here), used for the first
    /// attempt instead of reading it again; a stale one only costs a failed write and a fresh read.
    /// </summary>
    public Task<Stored<AssessmentHead>> RecordSubmissionAsync(
        Agency agency, AssessmentVersion version, Actor actor, Stored<AssessmentHead>? headAsRead, CancellationToken cancellationToken)
    {
        var first = true;
        return OptimisticConcurrency.RunAsync(async ct =>
        {
            var current = first && headAsRead is not null
                ? headAsRead
                : await assessments.FindHeadAsync(version.AgencyId, version.Year, ct);
            first = false;
            if (current is null)
            {
                var head = FirstHead(agency, version, actor);
                return await assessments.TryCreateHeadAsync(head, ct) is { } created
                    ? Attempt<Stored<AssessmentHead>>.Done(new(head, created))
                    : Attempt<Stored<AssessmentHead>>.Retry;
            }
            if (current.Value.History.Any(e => e.Version == version.Version && e.Action == "submitted"))
            {
                return Attempt<Stored<AssessmentHead>>.Done(current); // recorded by an earlier attempt of the same submission
            }
            var supersedes = version.Version > current.Value.LatestVersion ? current.Value.LatestVersion : (int?)null;
            if (supersedes is not null && current.Value.Appraisal?.State == AppraisalState.Final)
            {
                // The appraisal became final between the submission's check and this write: the
                // version is kept, but the locked assessment stays on the version it appraised.
                var refused = new HistoryEntry(version.SubmittedAt, actor, "submitted-after-lock", version.Version,
                    $"Số: {version.Issue.Reference}; không thay thế phiên bản {current.Value.LatestVersion} đã thẩm định xong");
                if (current.Value.History.Any(e => e.Version == version.Version && e.Action == refused.Action)) return Attempt<Stored<AssessmentHead>>.Done(current);
                var kept = current.Value with { History = [.. current.Value.History, refused], UpdatedAt = clock.GetUtcNow() };
                return await assessments.TryReplaceHeadAsync(kept, current.ETag, ct) is { } keptETag
                    ? Attempt<Stored<AssessmentHead>>.Done(new(kept, keptETag))
                    : Attempt<Stored<AssessmentHead>>.Retry;
            }
            var history = SubmissionHistory(version, actor, supersedes);
            // A correction during an appraisal keeps the appraisal: its points stay, and it names
            // the version it was recorded against, which the team records again before finalising.
            var updated = supersedes is not null
                ? NewHead(agency, version, [.. current.Value.History, .. history]) with { Appraisal = current.Value.Appraisal }
                : current.Value with { History = [.. current.Value.History, .. history], UpdatedAt = clock.GetUtcNow() };
            return await assessments.TryReplaceHeadAsync(updated, current.ETag, ct) is { } replaced
                ? Attempt<Stored<AssessmentHead>>.Done(new(updated, replaced))
                : Attempt<Stored<AssessmentHead>>.Retry;
        }, clock, ConcurrentChanges, cancellationToken);
    }

    /// <summary>
    /// Records what became of a version's report: on the version itself, and on the head — whose
    /// status follows the latest version's report — with an entry in the history. Never depends on
    /// the head: when there is none yet, or it has not reached this version, only the version is
    /// changed (the head takes the version's report when it reaches it).
    /// </summary>
    public Task RecordReportAsync(AssessmentVersion version, VersionReport report, CancellationToken cancellationToken) =>
        ChangeReportAsync(version.AgencyId, version.Year, version.Version, _ => report, ReportEntries(version.Version), cancellationToken);

    /// <summary>
    /// Changes a version's report as a function of its stored report (<paramref name="change"/>
    /// answers null to leave it: it no longer needs the change), then brings the head in step as
    /// <see cref="RecordReportAsync"/> does, adding <paramref name="entry"/>'s history entry unless
    /// the head has it already (null: none). The report as recorded, or null when the version is
    /// missing or <paramref name="change"/> declined. Safe to repeat and to run concurrently.
    /// </summary>
    public async Task<VersionReport?> ChangeReportAsync(
        string agencyId, int year, int number, Func<VersionReport, VersionReport?> change, Func<VersionReport, HistoryEntry?> entry,
        CancellationToken cancellationToken)
    {
        var report = await OptimisticConcurrency.RunAsync(async ct =>
        {
            var current = await assessments.FindVersionAsync(agencyId, year, number, ct);
            if (current is null || change(current.Value.Report) is not { } next) return Attempt<VersionReport?>.Done(null);
            return next == current.Value.Report || await assessments.TryReplaceVersionAsync(current.Value with { Report = next }, current.ETag, ct)
                ? Attempt<VersionReport?>.Done(next)
                : Attempt<VersionReport?>.Retry;
        }, clock, ConcurrentChanges, cancellationToken);
        if (report is null) return null;

        var historyEntry = entry(report);
        await OptimisticConcurrency.RunAsync(async ct =>
        {
            var current = await assessments.FindHeadAsync(agencyId, year, ct);
            // No head yet, or one that has not reached this version: the submission (or the
            // reconciler finishing it) writes the head from the version, report included.
            if (current is null || current.Value.LatestVersion < number) return Attempt<bool>.Done(true);
            var head = current.Value;
            var updated = head;
            if (head.LatestVersion == number && (head.Report != report || head.Status != StatusOf(report)))
            {
                updated = updated with { Status = StatusOf(report), Report = report };
            }
            if (historyEntry is not null && !head.History.Any(e => e.Version == number && e.Action == historyEntry.Action && e.Detail == historyEntry.Detail))
            {
                updated = updated with { History = [.. head.History, historyEntry] };
            }
            if (ReferenceEquals(updated, head)) return Attempt<bool>.Done(true); // recorded by an earlier run
            updated = updated with { UpdatedAt = clock.GetUtcNow() };
            return await assessments.TryReplaceHeadAsync(updated, current.ETag, ct) is not null ? Attempt<bool>.Done(true) : Attempt<bool>.Retry;
        }, clock, ConcurrentChanges, cancellationToken);
        return report;
    }

    /// <summary>The head's status while <paramref name="report"/> is the latest version's report.</summary>
    public static AssessmentStatus StatusOf(VersionReport report) => report.State switch
    {
        ReportState.Ready => AssessmentStatus.ReportReady,
        ReportState.Failed => AssessmentStatus.ReportFailed,
        _ => AssessmentStatus.Scored,
    };

    /// <summary>The history entry of a report that became ready or failed (none for requested) of version <paramref name="number"/>.</summary>
    public Func<VersionReport, HistoryEntry?> ReportEntries(int number) => report => ReportEntry(report, clock.GetUtcNow(), number);

    private static HistoryEntry? ReportEntry(VersionReport report, DateTimeOffset at, int number) => report.State switch
    {
        ReportState.Ready => new HistoryEntry(at, Actor.System, "report-ready", number, $"Số: {report.DocumentNumber}; SHA-256 {report.Sha256}"),
        ReportState.Failed => new HistoryEntry(at, Actor.System, "report-failed", number, report.FailureReason),
        _ => null,
    };

    private AssessmentHead NewHead(Agency agency, AssessmentVersion version, IReadOnlyList<HistoryEntry> history) => new()
    {
        Id = AssessmentKeys.HeadId(version.AgencyId, version.Year),
        PartitionKey = version.PartitionKey,
        AgencyId = version.AgencyId,
        AgencyName = agency.Name,
        Jurisdiction = agency.Jurisdiction,
        Year = version.Year,
        LatestVersion = version.Version,
        Status = StatusOf(version.Report),
        RubricId = version.Score.RubricId,
        SelfTotal = version.Score.SelfTotal,
        ComputedTotal = version.Score.Total,
        Verdict = version.Score.Verdict,
        Report = version.Report,
        UpdatedAt = clock.GetUtcNow(),
        History = history,
    };

    private static HistoryEntry[] SubmissionHistory(AssessmentVersion version, Actor actor, int? supersedes)
    {
        var score = version.Score;
        var self = score.SelfTotal is { } selfTotal ? $"tự chấm {Points(selfTotal)}/{Points(score.MaxTotal)}" : "không tự chấm tổng";
        HistoryEntry[] entries =
        [
            new(version.SubmittedAt, actor, "submitted", version.Version, $"Số: {version.Issue.Reference}; {self}"),
            new(version.SubmittedAt, Actor.System, "scored", version.Version,
                $"{Points(score.Total)}/{Points(score.MaxTotal)} điểm theo {score.RubricId}: {(score.Verdict == Scoring.Verdict.Passed ? "đạt" : "không đạt")}"),
            new(version.SubmittedAt, Actor.System, "report-requested", version.Version, version.Report.RequestPath),
        ];
        // A head that reaches the version late (its first write was lost) may find the report done already.
        if (ReportEntry(version.Report, version.Report.SignedAt ?? version.SubmittedAt, version.Version) is { } outcome) entries = [.. entries, outcome];
        return supersedes is { } earlier && earlier > 0
            ? [new(version.SubmittedAt, actor, "superseded", earlier, $"thay bằng phiên bản {version.Version}"), .. entries]
            : entries;
    }

    private static string Points(decimal value) => value.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));
}
