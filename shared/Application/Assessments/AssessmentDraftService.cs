using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Problems;
using CulturalServerless.Scoring;
using CulturalServerless.Scoring.Submissions;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// An agency's working copy of its assessment for a year. Saving validates and scores it exactly
/// as a submission is (same evaluator, the agency's jurisdiction, the same year checks), so the
/// clerk sees explanations and discrepancies while typing, and stores it as the agency-year's one
/// draft. A draft issues nothing: no version, no report request, no document number, no change to
/// the head. Only the agency's own submitters and admins see it; reviewers get 403, callers whose
/// scope does not cover the agency 404.
/// </summary>
public sealed partial class AssessmentDraftService(
    AgencyService agencies,
    IAssessmentDraftStore drafts,
    AssessmentEvaluator evaluator,
    TimeProvider clock,
    ILogger<AssessmentDraftService> logger)
{
    public sealed record SaveResult(Stored<AssessmentDraftView> Draft, bool Created);

    /// <summary>
    /// Saves the draft. With <paramref name="ifMatch"/> it is saved only if the stored draft still
    /// has that ETag (<c>*</c>: only if there is one), else 412; without it the first save creates
    /// the draft and later ones replace it, the last writer winning.
    /// </summary>
    public async Task<SaveResult> SaveAsync(
        Caller caller, string agencyId, string yearText, AssessmentSubmission submission, string? ifMatch, CancellationToken cancellationToken)
    {
        var (agency, year) = await OpenAsync(caller, "lưu bản nháp tự đánh giá", agencyId, yearText, cancellationToken);
        var evaluation = evaluator.EvaluateForYear(submission, year, agency);
        var mustExist = ifMatch is not null;
        var expected = ifMatch is null || ifMatch.Trim() == "*"
            ? null
            : EntityTags.FromHeader(ifMatch) ?? throw PreconditionFailed(agencyId, year);

        return await OptimisticConcurrency.RunAsync(async ct =>
        {
            var draft = new AssessmentDraft
            {
                Id = AssessmentKeys.DraftId(agency.Id, year),
                PartitionKey = AssessmentKeys.PartitionKey(agency.Id, year),
                AgencyId = agency.Id,
                Year = year,
                Submission = evaluation.Submission,
                Results = evaluation.Score!,
                SavedAt = clock.GetUtcNow(),
                SavedBy = caller.Actor,
            };
            var current = await drafts.FindAsync(agency.Id, year, ct);
            if (current is null)
            {
                if (mustExist) throw PreconditionFailed(agencyId, year);
                var created = await drafts.TryCreateAsync(draft, ct);
                if (created is null) return Attempt<SaveResult>.Retry; // saved by someone else meanwhile: replace it instead
                LogSaved(agency.Id, year, draft.Results.Total, draft.Results.Verdict);
                return Attempt<SaveResult>.Done(new SaveResult(View(created), Created: true));
            }
            if (expected is not null && expected != current.ETag) throw PreconditionFailed(agencyId, year);
            var replaced = await drafts.TryReplaceAsync(draft, current.ETag, ct);
            if (replaced is null)
            {
                if (expected is not null) throw PreconditionFailed(agencyId, year);
                return Attempt<SaveResult>.Retry;
            }
            LogSaved(agency.Id, year, draft.Results.Total, draft.Results.Verdict);
            return Attempt<SaveResult>.Done(new SaveResult(View(replaced), Created: false));
        }, clock, $"Bản nháp năm {year} của cơ quan '{agencyId}' đang được lưu đồng thời; vui lòng thử lại.", cancellationToken);
    }

    /// <summary>The saved draft with its ETag; 404 when the agency-year has none.</summary>
    public async Task<Stored<AssessmentDraftView>> GetAsync(Caller caller, string agencyId, string yearText, CancellationToken cancellationToken)
    {
        var (agency, year) = await OpenAsync(caller, "xem bản nháp tự đánh giá", agencyId, yearText, cancellationToken);
        var draft = await drafts.FindAsync(agency.Id, year, cancellationToken)
            ?? throw ApiProblemException.NotFound($"Cơ quan '{agencyId}' chưa lưu bản nháp tự đánh giá năm {year}.");
        return View(draft);
    }

    /// <summary>The role (403), the year (400), the agency within the caller's scope (404), then the draft's own rule (403).</summary>
    private async Task<(Agency Agency, int Year)> OpenAsync(
        Caller caller, string operation, string agencyId, string yearText, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, operation, Roles.Admin, Roles.Submitter);
        var year = AssessmentYear.FromRoute(yearText);
        var agency = (await agencies.GetAsync(caller, agencyId, cancellationToken)).Value;
        if (!AccessRules.CanKeepDraft(caller, agency.Id, agency.Jurisdiction))
        {
            // Readable through another role (a reviewer that is also a submitter elsewhere): not its draft.
            throw AccessRules.Forbidden($"Bạn không được {operation} của cơ quan '{agencyId}'.");
        }
        return (agency, year);
    }

    private static Stored<AssessmentDraftView> View(Stored<AssessmentDraft> draft) =>
        new(AssessmentDraftView.From(draft.Value), draft.ETag);

    private static ApiProblemException PreconditionFailed(string agencyId, int year) =>
        new(ProblemType.PreconditionFailed,
            $"Bản nháp năm {year} của cơ quan '{agencyId}' đã thay đổi từ lần đọc trước (If-Match); hãy đọc lại rồi lưu lại.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Draft {AgencyId}/{Year} saved, scoring {Total} ({Verdict})")]
    private partial void LogSaved(string agencyId, int year, decimal total, Verdict verdict);
}
