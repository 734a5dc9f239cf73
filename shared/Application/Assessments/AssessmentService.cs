using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Problems;
using CulturalServerless.Scoring;
using CulturalServerless.Scoring.Submissions;
using CulturalServerless.Serialization;
using CulturalServerless.Validation;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// Submitting and reading agencies' yearly assessments. A submission is validated and scored in
/// the request (scoring takes microseconds), stored as a new version with its score in one write,
/// made the latest in the agency-year's head, and then snapshotted for the report renderer.
/// Only a submitter whose scope covers the agency submits; whoever may read the agency reads its
/// assessments, and to anyone else they read as missing (404).
/// </summary>
public sealed partial class AssessmentService(
    AgencyService agencies,
    IAssessmentStore assessments,
    AssessmentHeadUpdater heads,
    IReportRequestStore reportRequests,
    AssessmentEvaluator evaluator,
    TimeProvider clock,
    ILogger<AssessmentService> logger)
{
    public const int MaxIdempotencyKeyLength = 200;

    public async Task<SubmissionOutcome> SubmitAsync(
        Caller caller, string agencyId, string yearText, AssessmentSubmission submission, string? idempotencyKey, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "nộp tự đánh giá", Roles.Submitter);
        var year = AssessmentYear.FromRoute(yearText);
        RequireValidIdempotencyKey(idempotencyKey);
        var agency = (await agencies.GetAsync(caller, agencyId, cancellationToken)).Value;
        if (!AccessRules.CanSubmit(caller, agency.Id, agency.Jurisdiction))
        {
            // Readable through another role (a reviewer that is also a submitter elsewhere), not writable.
            throw AccessRules.Forbidden($"Bạn không được nộp tự đánh giá cho cơ quan '{agencyId}'.");
        }
        var actor = caller.Actor;
        var requestHash = Hash(submission);

        if (idempotencyKey is not null
            && await assessments.FindVersionByIdempotencyKeyAsync(agencyId, year, idempotencyKey, cancellationToken) is { } earlier)
        {
            return await ReplayAsync(agency, earlier, requestHash, actor, cancellationToken);
        }

        var evaluation = evaluator.EvaluateForYear(submission, year, agency);
        var head = await assessments.FindHeadAsync(agencyId, year, cancellationToken);
        var version = await CreateVersionAsync(agency, year, (head?.Value.LatestVersion ?? 0) + 1, evaluation,
            idempotencyKey, requestHash, actor, cancellationToken);
        if (version.Replayed is { } twin)
        {
            // A concurrent request with the same Idempotency-Key stored it first.
            return await ReplayAsync(agency, twin, requestHash, actor, cancellationToken);
        }
        var stored = version.Created!;
        LogScored(agencyId, year, stored.Version, stored.Score.Total, stored.Score.Verdict);
        // The head read above is still the best guess of the head: the first write to it uses that
        // read (and its ETag) instead of reading it again.
        var headAsRead = stored.Version == (head?.Value.LatestVersion ?? 0) + 1 ? new AssessmentHeadUpdater.HeadAsRead(head) : null;
        return new SubmissionOutcome(await PublishAsync(agency, stored, actor, headAsRead, cancellationToken), Replayed: false);
    }

    public async Task<AssessmentView> GetLatestAsync(Caller caller, string agencyId, string yearText, CancellationToken cancellationToken)
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
        return AssessmentView.From(head.Value, version.Value);
    }

    public async Task<AssessmentView> GetVersionAsync(Caller caller, string agencyId, string yearText, string versionText, CancellationToken cancellationToken)
    {
        RequireReader(caller);
        var year = AssessmentYear.FromRoute(yearText);
        if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            throw ApiProblemException.InvalidRoute("version", "Số phiên bản phải là số nguyên dương.", "The version must be a positive integer.");
        }
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
        AccessRules.RequireRole(caller, "xem tự đánh giá", Roles.Admin, Roles.Reviewer, Roles.Submitter);

    private sealed record VersionAttempt(AssessmentVersion? Created, AssessmentVersion? Replayed);

    private async Task<VersionAttempt> CreateVersionAsync(
        Agency agency, int year, int firstCandidate, AssessmentEvaluation evaluation, string? idempotencyKey,
        string requestHash, Actor actor, CancellationToken cancellationToken)
    {
        // The head may lag behind versions that concurrent submissions have just created: take the
        // next free number, one create at a time; Cosmos DB refuses a taken id with 409.
        for (var number = firstCandidate; number < firstCandidate + 1000; number++)
        {
            var version = new AssessmentVersion
            {
                Id = AssessmentKeys.VersionId(agency.Id, year, number),
                PartitionKey = AssessmentKeys.PartitionKey(agency.Id, year),
                AgencyId = agency.Id,
                Year = year,
                Version = number,
                IdempotencyKey = idempotencyKey ?? "generated:" + Guid.NewGuid().ToString("N"),
                RequestHash = requestHash,
                Submission = evaluation.Submission,
                Score = evaluation.Score!,
                SubmittedAt = clock.GetUtcNow(),
                SubmittedBy = actor,
                Report = new VersionReport
                {
                    State = ReportState.Requested,
                    RequestPath = reportRequests.PathOf(agency.Id, year, number),
                },
            };
            if (await assessments.TryCreateVersionAsync(version, cancellationToken))
            {
                return new VersionAttempt(version, null);
            }
            if (idempotencyKey is not null
                && await assessments.FindVersionByIdempotencyKeyAsync(agency.Id, year, idempotencyKey, cancellationToken) is { } twin)
            {
                return new VersionAttempt(null, twin);
            }
        }
        throw new ApiProblemException(ProblemType.Conflict, "Quá nhiều lượt nộp đồng thời cho cùng cơ quan và năm; vui lòng thử lại.");
    }

    /// <summary>
    /// Makes the version visible in the head, then writes its report request. Safe to repeat. In
    /// this order the renderer, which the request's blob sets off, always finds the head already at
    /// its version, so what it records is never overwritten by a head that has yet to move on.
    /// </summary>
    private async Task<AssessmentView> PublishAsync(
        Agency agency, AssessmentVersion version, Actor actor, AssessmentHeadUpdater.HeadAsRead? headAsRead, CancellationToken cancellationToken)
    {
        var head = await heads.RecordSubmissionAsync(agency, version, actor, headAsRead, cancellationToken);
        await reportRequests.EnsureWrittenAsync(new ReportRequest
        {
            // The renderer needs who the agency is, not who edited its registration.
            Agency = agency with { History = [] },
            Year = version.Year,
            Version = version.Version,
            Submission = version.Submission,
            Score = version.Score,
            SubmittedAt = version.SubmittedAt,
        }, cancellationToken);
        return AssessmentView.From(head, version);
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
        return new SubmissionOutcome(await PublishAsync(agency, earlier, actor, headAsRead: null, cancellationToken), Replayed: true);
    }

    private static string Hash(AssessmentSubmission submission) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(submission, JsonDefaults.Options)));

    private static void RequireValidIdempotencyKey(string? key)
    {
        if (key is null) return;
        if (key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(c => c is < '!' or > '~') || key == AssessmentHead.HeadIdempotencyKey
            || key.StartsWith("generated:", StringComparison.Ordinal))
        {
            throw new ApiProblemException(ProblemType.InvalidParameter,
                $"Idempotency-Key phải gồm 1–{MaxIdempotencyKeyLength} ký tự ASCII in được (ví dụ: một UUID).",
                [new ValidationProblem("$.headers.Idempotency-Key", "invalid-idempotency-key",
                    "Idempotency-Key không hợp lệ.", "Invalid Idempotency-Key.")]);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Assessment {AgencyId}/{Year} v{Version} scored {Total} ({Verdict})")]
    private partial void LogScored(string agencyId, int year, int version, decimal total, Verdict verdict);

    [LoggerMessage(Level = LogLevel.Information, Message = "Assessment {AgencyId}/{Year} v{Version}: Idempotency-Key replayed")]
    private partial void LogReplayed(string agencyId, int year, int version);
}
