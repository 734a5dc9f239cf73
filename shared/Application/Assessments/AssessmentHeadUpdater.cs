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
    /// Records a new version: it becomes the latest, sets the totals and status, and the version it
    /// supersedes (if any) is marked so in the history. <paramref name="headAsRead"/> is the head as
    /// the caller read it before creating the version (null inside: there was none), used for the
    /// first attempt instead of reading it again; a stale one only costs a failed write and a fresh read.
    /// </summary>
    public Task<Stored<AssessmentHead>> RecordSubmissionAsync(
        Agency agency, AssessmentVersion version, Actor actor, HeadAsRead? headAsRead, CancellationToken cancellationToken)
    {
        var first = true;
        return OptimisticConcurrency.RunAsync(async ct =>
        {
            var current = first && headAsRead is not null
                ? headAsRead.Head
                : await assessments.FindHeadAsync(version.AgencyId, version.Year, ct);
            first = false;
            if (current is null)
            {
                var head = NewHead(agency, version, SubmissionHistory(version, actor, supersedes: null));
                return await assessments.TryCreateHeadAsync(head, ct) is { } created
                    ? Attempt<Stored<AssessmentHead>>.Done(new(head, created))
                    : Attempt<Stored<AssessmentHead>>.Retry;
            }
            if (current.Value.History.Any(e => e.Version == version.Version && e.Action == "submitted"))
            {
                return Attempt<Stored<AssessmentHead>>.Done(current); // recorded by an earlier attempt of the same submission
            }
            var supersedes = version.Version > current.Value.LatestVersion ? current.Value.LatestVersion : (int?)null;
            var history = SubmissionHistory(version, actor, supersedes);
            var updated = supersedes is not null
                ? NewHead(agency, version, [.. current.Value.History, .. history])
                : current.Value with { History = [.. current.Value.History, .. history], UpdatedAt = clock.GetUtcNow() };
            return await assessments.TryReplaceHeadAsync(updated, current.ETag, ct) is { } replaced
                ? Attempt<Stored<AssessmentHead>>.Done(new(updated, replaced))
                : Attempt<Stored<AssessmentHead>>.Retry;
        }, clock, ConcurrentChanges, cancellationToken);
    }

    /// <summary>
    /// Records what became of a version's report: on the version itself, and on the head — whose
    /// status follows the latest version's report — with an entry in the history.
    /// </summary>
    public async Task RecordReportAsync(AssessmentVersion version, VersionReport report, CancellationToken cancellationToken)
    {
        await OptimisticConcurrency.RunAsync(async ct =>
        {
            var current = await assessments.FindVersionAsync(version.AgencyId, version.Year, version.Version, ct)
                ?? throw new InvalidOperationException($"Assessment version {version.Id} is missing.");
            return current.Value.Report == report || await assessments.TryReplaceVersionAsync(current.Value with { Report = report }, current.ETag, ct)
                ? Attempt<bool>.Done(true)
                : Attempt<bool>.Retry;
        }, clock, ConcurrentChanges, cancellationToken);

        var entry = report.State == ReportState.Ready
            ? new HistoryEntry(clock.GetUtcNow(), Actor.System, "report-ready", version.Version, $"Số: {report.DocumentNumber}; SHA-256 {report.Sha256}")
            : new HistoryEntry(clock.GetUtcNow(), Actor.System, "report-failed", version.Version, report.FailureReason);
        await OptimisticConcurrency.RunAsync(async ct =>
        {
            var current = await assessments.FindHeadAsync(version.AgencyId, version.Year, ct)
                ?? throw new InvalidOperationException($"Assessment {version.AgencyId}/{version.Year} has no head.");
            var head = current.Value;
            if (report.State == ReportState.Ready && head.History.Any(e => e.Version == version.Version && e.Action == "report-ready"))
            {
                return Attempt<bool>.Done(true); // recorded by an earlier run of the same trigger
            }
            var updated = head.LatestVersion == version.Version
                ? head with
                {
                    Status = report.State == ReportState.Ready ? AssessmentStatus.ReportReady : AssessmentStatus.ReportFailed,
                    Report = report,
                }
                : head;
            updated = updated with { History = [.. head.History, entry], UpdatedAt = clock.GetUtcNow() };
            return await assessments.TryReplaceHeadAsync(updated, current.ETag, ct) is not null ? Attempt<bool>.Done(true) : Attempt<bool>.Retry;
        }, clock, ConcurrentChanges, cancellationToken);
    }

    /// <summary>A head read earlier in the same request; <see cref="Head"/> null when there was none.</summary>
    public sealed record HeadAsRead(Stored<AssessmentHead>? Head);

    private AssessmentHead NewHead(Agency agency, AssessmentVersion version, IReadOnlyList<HistoryEntry> history) => new()
    {
        Id = AssessmentKeys.HeadId(version.AgencyId, version.Year),
        PartitionKey = version.PartitionKey,
        AgencyId = version.AgencyId,
        AgencyName = agency.Name,
        Jurisdiction = agency.Jurisdiction,
        Year = version.Year,
        LatestVersion = version.Version,
        Status = AssessmentStatus.Scored,
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
        return supersedes is { } earlier && earlier > 0
            ? [new(version.SubmittedAt, actor, "superseded", earlier, $"thay bằng phiên bản {version.Version}"), .. entries]
            : entries;
    }

    private static string Points(decimal value) => value.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));
}
