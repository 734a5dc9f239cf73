using System.Security.Cryptography;
using System.Text.Json;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Documents;
using CulturalServerless.Calendar;
using CulturalServerless.Reports;
using CulturalServerless.Application.Problems;
using CulturalServerless.Application.Telemetry;
using CulturalServerless.Scoring;
using CulturalServerless.Scoring.Submissions;
using CulturalServerless.Serialization;
using CulturalServerless.Validation;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// Submitting and reading agencies' yearly assessments. A submission is validated and scored in
/// the request (scoring takes microseconds), numbered in the agency's register, stored as a new
/// version with its score in one write (an agency-year's first together with its head, and in its
/// own year with the register's number 1), made the latest in the agency-year's head, and then
/// snapshotted for the report renderer.
/// Only a submitter whose scope covers the agency submits; whoever may read the agency reads its
/// assessments, and to anyone else they read as missing (404).
/// </summary>
public sealed partial class AssessmentService(
    AgencyService agencies,
    IAssessmentStore assessments,
    IAssessmentDraftStore drafts,
    IDocumentRegister register,
    AssessmentHeadUpdater heads,
    IReportRequestStore reportRequests,
    AssessmentEvaluator evaluator,
    TimeProvider clock,
    ILogger<AssessmentService> logger)
{
    /// <summary>
    /// Submits <paramref name="submission"/> officially (nộp chính thức): it becomes the next
    /// version and takes the next number in the agency's register. <paramref name="idempotencyKey"/>
    /// is required (428 without), so a retry returns the first result; while an official version
    /// exists, <paramref name="ifMatch"/> must carry the assessment's ETag (428 without, 412 when
    /// stale) and the new version supersedes it.
    /// </summary>
    public Task<SubmissionOutcome> SubmitAsync(
        Caller caller, string agencyId, string yearText, AssessmentSubmission submission, string? idempotencyKey, string? ifMatch,
        CancellationToken cancellationToken) =>
        SubmitAsync(caller, agencyId, yearText, _ => Task.FromResult(submission), idempotencyKey, ifMatch, cancellationToken);

    /// <summary>Submits the agency-year's saved draft officially, as <see cref="SubmitAsync(Caller, string, string, AssessmentSubmission, string?, string?, CancellationToken)"/>.</summary>
    public Task<SubmissionOutcome> SubmitDraftAsync(
        Caller caller, string agencyId, string yearText, string? idempotencyKey, string? ifMatch, CancellationToken cancellationToken) =>
        SubmitAsync(caller, agencyId, yearText, async year =>
            (await drafts.FindAsync(agencyId, year, cancellationToken))?.Value.Submission
                ?? throw ApiProblemException.NotFound($"Cơ quan '{agencyId}' chưa lưu bản nháp năm {year}."),
            idempotencyKey, ifMatch, cancellationToken);

    private async Task<SubmissionOutcome> SubmitAsync(
        Caller caller, string agencyId, string yearText, Func<int, Task<AssessmentSubmission>> content, string? idempotencyKey,
        string? ifMatch, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "nộp tự đánh giá", Roles.Submitter);
        var year = AssessmentYear.FromRoute(yearText);
        var key = IdempotencyKeys.Require(idempotencyKey, "Nộp chính thức", AssessmentHead.HeadIdempotencyKey);
        var expected = ifMatch is null ? null : EntityTags.FromHeader(ifMatch) ?? throw Stale(agencyId, year);
        // Without If-Match the submission can only be the agency-year's first (428 otherwise), so
        // the head is not read: version 1 is created straight away, and a create that finds it
        // taken reads the head then. With If-Match the head is read alongside the agency (one round
        // trip instead of two), and used only once the caller is known to be allowed to submit.
        var agencyRead = agencies.GetAsync(caller, agencyId, cancellationToken);
        var headRead = expected is null ? Task.FromResult<Stored<AssessmentHead>?>(null) : assessments.FindHeadAsync(agencyId, year, cancellationToken);
        await Task.WhenAll(agencyRead, headRead);
        var agency = (await agencyRead).Value;
        if (!AccessRules.CanSubmit(caller, agency.Id, agency.Jurisdiction))
        {
            // Readable through another role (a reviewer that is also a submitter elsewhere), not writable.
            throw AccessRules.Forbidden($"Bạn không được nộp tự đánh giá cho cơ quan '{agencyId}'.");
        }
        var submission = await content(year);
        var actor = caller.Actor;
        var requestHash = Hash(submission);

        // Without a head (or unread) the key is looked up only if the create below conflicts: a
        // first attempt that stored its version and died before its report request makes this
        // attempt's create conflict, and the twin is found then. A first submission, the common
        // case, saves the query.
        var head = await headRead;
        if (head is not null && await assessments.FindVersionByIdempotencyKeyAsync(agencyId, year, key, cancellationToken) is { } earlier)
        {
            return await ReplayAsync(agency, earlier, requestHash, actor, cancellationToken);
        }

        var evaluation = evaluator.EvaluateForYear(submission, year, agency);
        RequireCurrent(head, expected, agencyId, year);
        // A first version is created with its head, all or nothing; a later one alone, and then
        // recorded in the head read above (with its ETag) without reading it again.
        var unnumbered = NewVersion(agency, year, (head?.Value.LatestVersion ?? 0) + 1, evaluation, key, requestHash, actor);
        var write = head is null ? await CreateFirstAsync(agency, unnumbered, actor, cancellationToken) : await CreateLaterAsync(agency, unnumbered, cancellationToken);
        var version = write.Version;
        if (!write.Created)
        {
            // Someone took this version number first: the same request retried concurrently (a
            // replay), or another official submission, which this one may supersede only knowingly.
            // A number 1 in the batch that failed was never taken.
            if (write.NumberTakenApart) await GiveBackNumberIfUnusedAsync(version, cancellationToken);
            if (await assessments.FindVersionByIdempotencyKeyAsync(agencyId, year, key, cancellationToken) is { } twin)
            {
                return await ReplayAsync(agency, twin, requestHash, actor, cancellationToken);
            }
            var now = await assessments.FindHeadAsync(agencyId, year, cancellationToken);
            RequireCurrent(now, expected, agencyId, year);
            throw Stale(agencyId, year);
        }
        AppTelemetry.Submissions.Add(1);
        LogSubmitted(agencyId, year, version.Version, version.Issue.Reference, version.Score.Total, version.Score.Verdict);
        return new SubmissionOutcome(await PublishAsync(agency, version, actor, head, write.Head, cancellationToken), Replayed: false);
    }

    /// <summary>
    /// What creating a version did: the version as numbered, whether it was created, the head
    /// created with it (a first version), and whether its number was taken apart from the write
    /// (and so is to be given back if the version is not created).
    /// </summary>
    private sealed record VersionWrite(AssessmentVersion Version, bool Created, Stored<AssessmentHead>? Head, bool NumberTakenApart);

    private async Task<VersionWrite> CreateFirstAsync(Agency agency, AssessmentVersion unnumbered, Actor actor, CancellationToken cancellationToken)
    {
        // The season's submission, dated in its own year, is the agency's first document of that
        // year: number 1, with the register opened in the version's batch.
        if (unnumbered.Issue.Date.Year == unnumbered.Year && await register.OpensBesideAssessmentAsync(agency.Id, unnumbered.Year, cancellationToken))
        {
            var first = Numbered(unnumbered, agency, 1);
            var (opened, registerOpenAlready) = await TryCreateFirstAsync(agency, first, actor, opensRegister: true, cancellationToken);
            if (!registerOpenAlready) return new VersionWrite(first, opened is not null, opened, NumberTakenApart: false);
            // The agency numbered another document this year first (a late version of last year's
            // assessment): this one takes the register's next number.
        }
        var version = Numbered(unnumbered, agency, await TakeNumberAsync(unnumbered, cancellationToken));
        var (head, _) = await TryCreateFirstAsync(agency, version, actor, opensRegister: false, cancellationToken);
        return new VersionWrite(version, head is not null, head, NumberTakenApart: true);
    }

    private async Task<VersionWrite> CreateLaterAsync(Agency agency, AssessmentVersion unnumbered, CancellationToken cancellationToken)
    {
        var version = Numbered(unnumbered, agency, await TakeNumberAsync(unnumbered, cancellationToken));
        return new VersionWrite(version, await assessments.TryCreateVersionAsync(version, cancellationToken), Head: null, NumberTakenApart: true);
    }

    private async Task<(Stored<AssessmentHead>? Head, bool RegisterOpenAlready)> TryCreateFirstAsync(
        Agency agency, AssessmentVersion version, Actor actor, bool opensRegister, CancellationToken cancellationToken)
    {
        var head = heads.FirstHead(agency, version, actor);
        var write = await assessments.TryCreateFirstAsync(version, head, opensRegister, cancellationToken);
        return (write.HeadETag is { } eTag ? new(head, eTag) : null, write.RegisterOpenAlready);
    }

    /// <summary>The latest version, with the assessment's ETag (what a superseding submission sends as If-Match).</summary>
    public async Task<Stored<AssessmentView>> GetLatestAsync(Caller caller, string agencyId, string yearText, CancellationToken cancellationToken)
    {
        RequireReader(caller);
        var year = AssessmentYear.FromRoute(yearText);
        var head = await assessments.FindHeadAsync(agencyId, year, cancellationToken);
        if (head is null || !AccessRules.CanRead(caller, agencyId, head.Value.Jurisdiction))
        {
            throw ApiProblemException.NotFound($"Cơ quan '{agencyId}' chưa nộp tự đánh giá năm {year}.");
        }
        var version = await assessments.FindVersionAsync(agencyId, year, head.Value.LatestVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Assessment {head.Value.Id} points at a missing version {head.Value.LatestVersion}.");
        return new Stored<AssessmentView>(AssessmentView.From(head.Value, version.Value), head.ETag);
    }

    public async Task<AssessmentView> GetVersionAsync(Caller caller, string agencyId, string yearText, string versionText, CancellationToken cancellationToken)
    {
        RequireReader(caller);
        var year = AssessmentYear.FromRoute(yearText);
        var number = VersionNumber.FromRoute(versionText);
        var head = await assessments.FindHeadAsync(agencyId, year, cancellationToken);
        if (head is not null && !AccessRules.CanRead(caller, agencyId, head.Value.Jurisdiction)) head = null;
        var version = head is null || number > head.Value.LatestVersion
            ? null
            : await assessments.FindVersionAsync(agencyId, year, number, cancellationToken);
        if (head is null || version is null)
        {
            throw ApiProblemException.NotFound($"Không có phiên bản {number} của tự đánh giá năm {year} của cơ quan '{agencyId}'.");
        }
        return AssessmentView.From(head.Value, version.Value);
    }

    /// <summary>
    /// Read access follows the jurisdiction recorded in the head, the same field the committee's
    /// list filters on, so a single read and the list never disagree about what is in scope.
    /// </summary>
    private static void RequireReader(Caller caller) =>
        AccessRules.RequireRole(caller, "xem tự đánh giá", AccessRules.Readers);

    /// <summary>The version to create, dated today in Viet Nam, before it is numbered (<see cref="Numbered"/>).</summary>
    private AssessmentVersion NewVersion(
        Agency agency, int year, int number, AssessmentEvaluation evaluation, string idempotencyKey, string requestHash, Actor actor)
    {
        var submittedAt = clock.GetUtcNow();
        return new AssessmentVersion
        {
            Id = AssessmentKeys.VersionId(agency.Id, year, number),
            PartitionKey = AssessmentKeys.PartitionKey(agency.Id, year),
            AgencyId = agency.Id,
            Year = year,
            Version = number,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
            Submission = evaluation.Submission,
            Score = evaluation.Score!,
            SubmittedAt = submittedAt,
            SubmittedBy = actor,
            Issue = new DocumentIssue(0, string.Empty, VietnamCalendar.DateOf(submittedAt)),
            Report = new VersionReport
            {
                State = ReportState.Requested,
                RequestPath = reportRequests.PathOf(agency.Id, year, number),
                RequestedAt = submittedAt,
            },
        };
    }

    /// <summary>
    /// The next number in the agency's register of the version's issue year. The register is asked
    /// by the version's id, so a request that lost the race for this version number leaves no gap:
    /// the winner holds the same number.
    /// </summary>
    private Task<int> TakeNumberAsync(AssessmentVersion version, CancellationToken cancellationToken) =>
        register.NumberForAsync(version.AgencyId, version.Issue.Date.Year, version.Id, cancellationToken);

    private static AssessmentVersion Numbered(AssessmentVersion version, Agency agency, int sequence) =>
        version with { Issue = version.Issue with { Sequence = sequence, Reference = DocumentNumber.OfReport(sequence, agency.Symbol).Reference } };

    /// <summary>
    /// The number taken for <paramref name="lost"/>, whose id another request created first, is
    /// that version's own number when both were numbered in the same register. When that version
    /// was numbered in another (a year earlier: a first submission without If-Match long after the
    /// first), the number was spent on nothing and goes back, so the register keeps no gap.
    /// </summary>
    private async Task GiveBackNumberIfUnusedAsync(AssessmentVersion lost, CancellationToken cancellationToken)
    {
        var holder = await assessments.FindVersionAsync(lost.AgencyId, lost.Year, lost.Version, cancellationToken);
        if (holder is null || holder.Value.Issue.Sequence == lost.Issue.Sequence && holder.Value.Issue.Date.Year == lost.Issue.Date.Year) return;
        await register.ReleaseAsync(lost.AgencyId, lost.Issue.Date.Year, lost.Id, lost.Issue.Sequence, cancellationToken);
        LogNumberGivenBack(lost.AgencyId, lost.Year, lost.Version, lost.Issue.Reference, lost.Issue.Date.Year);
    }

    /// <summary>
    /// While an official version exists, a new one supersedes it only if the caller saw the
    /// latest: 428 without If-Match, 412 with a stale one (or with one when there is nothing yet).
    /// Once the appraisal is final the assessment is locked (409 <c>/problems/assessment-locked</c>);
    /// before that a correction is allowed, and the appraisal in progress stays, naming the version
    /// it was recorded against (docs/committee-season.md).
    /// </summary>
    private static void RequireCurrent(Stored<AssessmentHead>? head, string? expected, string agencyId, int year)
    {
        if (head is null)
        {
            if (expected is not null) throw Stale(agencyId, year);
            return;
        }
        if (head.Value.Appraisal?.State == AppraisalState.Final)
        {
            throw new ApiProblemException(ProblemType.AssessmentLocked,
                $"Tự đánh giá năm {year} của cơ quan '{agencyId}' đã thẩm định xong (phiên bản {head.Value.Appraisal.Version}) và đã khóa: không nộp thay thế được nữa.");
        }
        if (expected is null)
        {
            throw new ApiProblemException(ProblemType.PreconditionRequired,
                $"Cơ quan '{agencyId}' đã nộp chính thức năm {year} (phiên bản {head.Value.LatestVersion}): để nộp thay thế, gửi If-Match với ETag của tự đánh giá.",
                [new ValidationProblem("$.headers.If-Match", "if-match-required",
                    "Cần If-Match với ETag của tự đánh giá hiện tại để nộp phiên bản thay thế.",
                    "If-Match with the assessment's current ETag is required to supersede its official version.")]);
        }
        if (expected != head.ETag) throw Stale(agencyId, year);
    }

    private static ApiProblemException Stale(string agencyId, int year) =>
        new(ProblemType.PreconditionFailed,
            $"Tự đánh giá năm {year} của cơ quan '{agencyId}' đã thay đổi từ lần đọc trước (If-Match); hãy đọc lại rồi quyết định nộp thay thế.");

    /// <summary>
    /// Makes the version visible in the head (unless <paramref name="recorded"/> is the head created
    /// with it), then writes its report request. Safe to repeat, and the version is the outbox: a
    /// crash after storing it leaves it requested, and the reconciler
    /// (<see cref="Reports.ReportReconciler"/>) finishes both steps. The renderer does not depend on
    /// this order (it records on the version alone when the head has not reached it); in this order
    /// the head has its entries before the report's.
    /// </summary>
    private async Task<Stored<AssessmentView>> PublishAsync(
        Agency agency, AssessmentVersion version, Actor actor, Stored<AssessmentHead>? headAsRead, Stored<AssessmentHead>? recorded,
        CancellationToken cancellationToken)
    {
        var head = recorded ?? await heads.RecordSubmissionAsync(agency, version, actor, headAsRead, cancellationToken);
        await reportRequests.EnsureWrittenAsync(ReportRequest.Of(agency, version), cancellationToken);
        return new Stored<AssessmentView>(AssessmentView.From(head.Value, version), head.ETag);
    }

    private async Task<SubmissionOutcome> ReplayAsync(
        Agency agency, AssessmentVersion earlier, string requestHash, Actor actor, CancellationToken cancellationToken)
    {
        if (earlier.RequestHash != requestHash)
        {
            throw new ApiProblemException(ProblemType.IdempotencyKeyReused,
                $"Idempotency-Key này đã dùng cho phiên bản {earlier.Version} với nội dung khác; hãy dùng khóa mới cho lần nộp mới.");
        }
        LogReplayed(earlier.AgencyId, earlier.Year, earlier.Version);
        // The first attempt may have stopped after storing the version: finish what it started.
        return new SubmissionOutcome(await PublishAsync(agency, earlier, actor, headAsRead: null, recorded: null, cancellationToken), Replayed: true);
    }

    private static string Hash(AssessmentSubmission submission) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(submission, JsonDefaults.Options)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Assessment {AgencyId}/{Year} v{Version} submitted as {DocumentNumber}, scored {Total} ({Verdict})")]
    private partial void LogSubmitted(string agencyId, int year, int version, string documentNumber, decimal total, Verdict verdict);

    [LoggerMessage(Level = LogLevel.Information, Message = "Assessment {AgencyId}/{Year} v{Version} was numbered in another register: {DocumentNumber} of {IssueYear} given back")]
    private partial void LogNumberGivenBack(string agencyId, int year, int version, string documentNumber, int issueYear);

    [LoggerMessage(Level = LogLevel.Information, Message = "Assessment {AgencyId}/{Year} v{Version}: Idempotency-Key replayed")]
    private partial void LogReplayed(string agencyId, int year, int version);
}
