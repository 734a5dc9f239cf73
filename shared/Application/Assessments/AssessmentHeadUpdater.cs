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
    /// Records a new version: the latest one sets the totals and status; every one enters the history.
    /// <paramref name="headAsRead"/> is the head as the caller read it before creating the version
    /// (null inside: there was none), used for the first attempt instead of reading it again; a
    /// stale one only costs a failed create or replace and a fresh read.
    /// </summary>
    public Task<AssessmentHead> RecordSubmissionAsync(
        Agency agency, AssessmentVersion version, Actor actor, HeadAsRead? headAsRead, CancellationToken cancellationToken)
    {
        var entries = SubmissionHistory(version, actor);
        var first = true;
        return OptimisticConcurrency.RunAsync(async ct =>
        {
            var current = first && headAsRead is not null
                ? headAsRead.Head
                : await assessments.FindHeadAsync(version.AgencyId, version.Year, ct);
            first = false;
            if (current is null)
            {
                var head = NewHead(agency, version, entries);
                return await assessments.TryCreateHeadAsync(head, ct) ? Attempt<AssessmentHead>.Done(head) : Attempt<AssessmentHead>.Retry;
            }
            if (current.Value.History.Any(e => e.Version == version.Version && e.Action == "submitted"))
            {
                return Attempt<AssessmentHead>.Done(current.Value); // recorded by an earlier attempt of the same submission
            }
            var updated = version.Version > current.Value.LatestVersion
                ? NewHead(agency, version, [.. current.Value.History, .. entries])
                : current.Value with { History = [.. current.Value.History, .. entries], UpdatedAt = clock.GetUtcNow() };
            return await assessments.TryReplaceHeadAsync(updated, current.ETag, ct) ? Attempt<AssessmentHead>.Done(updated) : Attempt<AssessmentHead>.Retry;
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
            return await assessments.TryReplaceHeadAsync(updated, current.ETag, ct) ? Attempt<bool>.Done(true) : Attempt<bool>.Retry;
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

    private static HistoryEntry[] SubmissionHistory(AssessmentVersion version, Actor actor)
    {
        var score = version.Score;
        var self = score.SelfTotal is { } selfTotal ? $"tự chấm {Points(selfTotal)}/{Points(score.MaxTotal)}" : "không tự chấm tổng";
        return
        [
            new(version.SubmittedAt, actor, "submitted", version.Version, self),
            new(version.SubmittedAt, Actor.System, "scored", version.Version,
                $"{Points(score.Total)}/{Points(score.MaxTotal)} điểm theo {score.RubricId}: {(score.Verdict == Scoring.Verdict.Passed ? "đạt" : "không đạt")}"),
            new(version.SubmittedAt, Actor.System, "report-requested", version.Version, version.Report.RequestPath),
        ];
    }

    private static string Points(decimal value) => value.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));
}
