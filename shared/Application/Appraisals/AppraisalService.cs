using System.Globalization;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Problems;
using CulturalServerless.Application.Procedures;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Calendar;
using CulturalServerless.Scoring;
using CulturalServerless.Validation;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Appraisals;

/// <summary>
/// The steering committee's appraisal (thẩm định) of an officially submitted assessment: the
/// team records appraised points and comments per sub-item, may ask the agency to explain named
/// items by a deadline, the agency answers (and may correct its assessment), the team appraises
/// again, and the final result locks the assessment. Every step needs If-Match with the
/// assessment's ETag (428 without, 412 stale), so two appraisers never overwrite each other
/// unknowingly, and each adds who, when and what to the assessment's history.
/// </summary>
public sealed partial class AppraisalService(
    AgencyService agencies,
    IAssessmentStore assessments,
    AgencyNotifier notifier,
    IRecognitionProcedures procedures,
    TimeProvider clock,
    ILogger<AppraisalService> logger)
{
    public const int MaxCommentLength = 2000;
    public const int MaxExplanationLength = 4000;
    public const int MaxEvidence = 20;
    public const int MaxEvidenceLength = 500;
    public const int MaxReasons = 20;

    /// <summary>The history actions of the appraisal's steps.</summary>
    public static readonly IReadOnlySet<string> Actions = new HashSet<string>(StringComparer.Ordinal)
    {
        "appraisal-recorded", "explanation-requested", "explanation-answered", "appraisal-final", "submitted-after-lock",
    };

    public async Task<Stored<AppraisalView>> GetAsync(Caller caller, string agencyId, string yearText, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "xem thẩm định", AccessRules.Readers);
        var (head, version) = await LoadAsync(caller, agencyId, yearText, cancellationToken);
        var appraisal = head.Value.Appraisal
            ?? throw ApiProblemException.NotFound($"Tự đánh giá năm {head.Value.Year} của cơ quan '{agencyId}' chưa được thẩm định.");
        return new(AppraisalView.From(head.Value, appraisal, version.Value.Score), head.ETag);
    }

    /// <summary>Records the current round's points and comments for the sub-items named (the others keep theirs).</summary>
    public async Task<Stored<AppraisalView>> RecordAsync(
        Caller caller, string agencyId, string yearText, AppraisalMarks marks, string? ifMatch, CancellationToken cancellationToken)
    {
        var (head, version) = await LoadForAppraiserAsync(caller, agencyId, yearText, ifMatch, cancellationToken);
        var current = head.Value.Appraisal;
        var now = clock.GetUtcNow();
        var round = current?.State switch
        {
            null or AppraisalState.FirstRound => 1,
            AppraisalState.SecondRound => 2,
            AppraisalState.ExplanationRequested when Today() > current.ExplanationRequest!.Deadline => 2,
            AppraisalState.ExplanationRequested => throw Transition(
                $"Đang chờ cơ quan giải trình đến hạn {Date(current.ExplanationRequest!.Deadline)}; sau hạn đó mới thẩm định lại khi cơ quan không giải trình."),
            _ => throw Transition("Thẩm định đã có kết quả cuối cùng; không ghi thêm điểm được."),
        };
        var problems = new ValidationProblemList();
        var scores = version.Value.Score.SubCriteria.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var given = new Dictionary<string, RoundMark>(StringComparer.Ordinal);
        if (marks.Items is not { Count: > 0 } items)
        {
            problems.Add("$.items", "required", "Cần ít nhất một tiêu chí thành phần được chấm.", "At least one sub-item must be appraised.");
            items = [];
        }
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.items[{i}]";
            if (items[i] is not { } item)
            {
                problems.Add(path, "required", "Mục không được là null.", "An item may not be null.");
                continue;
            }
            if (item.Code is not { } code || !scores.TryGetValue(code, out var score))
            {
                problems.Add(path + ".code", "unknown-item", $"Không có tiêu chí thành phần '{item.Code}' trong thang điểm {version.Value.Score.RubricId}.",
                    $"The rubric {version.Value.Score.RubricId} has no sub-item '{item.Code}'.");
                continue;
            }
            if (given.ContainsKey(code))
            {
                problems.Add(path + ".code", "duplicate-item", $"Tiêu chí '{code}' được chấm hai lần.", $"Sub-item '{code}' is appraised twice.");
                continue;
            }
            if (item.Points is not { } points || points < 0 || points > score.MaxPoints)
            {
                problems.Add(path + ".points", "out-of-range", $"Điểm thẩm định của '{code}' phải từ 0 đến {Points(score.MaxPoints)}.",
                    $"The appraised points of '{code}' must be between 0 and {Points(score.MaxPoints)}.");
                continue;
            }
            if (item.Comment is { Length: > MaxCommentLength })
            {
                problems.Add(path + ".comment", "too-long", $"Nhận xét tối đa {MaxCommentLength} ký tự.", $"A comment has at most {MaxCommentLength} characters.");
                continue;
            }
            given[code] = new RoundMark(points, string.IsNullOrWhiteSpace(item.Comment) ? null : item.Comment.Trim(), now, caller.Actor);
        }
        ThrowIfAny(problems);

        var merged = (current?.Items ?? []).ToDictionary(i => i.Code, StringComparer.Ordinal);
        foreach (var (code, mark) in given)
        {
            merged.TryGetValue(code, out var earlier);
            merged[code] = round == 1 ? new AppraisedItem(code, mark, earlier?.Second) : new AppraisedItem(code, earlier?.First, mark);
        }
        var ordered = version.Value.Score.SubCriteria.Where(s => merged.ContainsKey(s.Code)).Select(s => merged[s.Code]).ToList();
        var appraisal = (current ?? new AssessmentAppraisal
        {
            State = AppraisalState.FirstRound, Round = 1, Version = version.Value.Version, AppraisedTotal = 0, StartedAt = now, StartedBy = caller.Actor,
        }) with
        {
            State = round == 1 ? AppraisalState.FirstRound : AppraisalState.SecondRound,
            Round = round,
            Version = version.Value.Version,
            Items = ordered,
            AppraisedTotal = Total(version.Value.Score, ordered),
        };
        var detail = $"vòng {round}, phiên bản {version.Value.Version}: {string.Join(", ", given.Select(g => $"{g.Key} = {Points(g.Value.Points)}"))}; tổng {Points(appraisal.AppraisedTotal)}";
        var stored = await WriteAsync(head, appraisal, new HistoryEntry(now, caller.Actor, "appraisal-recorded", version.Value.Version, detail), cancellationToken);
        LogRecorded(agencyId, head.Value.Year, round, given.Count, appraisal.AppraisedTotal);
        return new(AppraisalView.From(stored.Value, appraisal, version.Value.Score), stored.ETag);
    }

    /// <summary>Asks the agency to explain named sub-items by a deadline; once per appraisal, from the first round.</summary>
    public async Task<Stored<AppraisalView>> RequestExplanationAsync(
        Caller caller, string agencyId, string yearText, ExplanationRequestBody body, string? ifMatch, CancellationToken cancellationToken)
    {
        var (head, version) = await LoadForAppraiserAsync(caller, agencyId, yearText, ifMatch, cancellationToken);
        var current = head.Value.Appraisal;
        if (current?.State != AppraisalState.FirstRound)
        {
            throw Transition(current is null
                ? "Hãy ghi điểm thẩm định vòng 1 trước khi đề nghị giải trình."
                : "Chỉ đề nghị giải trình một lần, trong vòng thẩm định thứ nhất.");
        }
        var problems = new ValidationProblemList();
        var today = Today();
        // Without a deadline the procedure's own applies: so many days from today.
        var deadline = body.Deadline ?? DefaultDeadline(head.Value.Jurisdiction, today) ?? DateOnly.MinValue;
        if (deadline < today)
        {
            problems.Add("$.deadline", "invalid-deadline", $"Cần hạn giải trình (yyyy-MM-dd) từ hôm nay ({Date(today)}) trở đi.",
                $"A deadline (yyyy-MM-dd) no earlier than today ({today:yyyy-MM-dd}) is required.");
            deadline = today;
        }
        if (body.Message is { Length: > MaxCommentLength })
        {
            problems.Add("$.message", "too-long", $"Nội dung tối đa {MaxCommentLength} ký tự.", $"The message has at most {MaxCommentLength} characters.");
        }
        var codes = version.Value.Score.SubCriteria.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var questions = new List<ExplanationQuestion>();
        if (body.Items is not { Count: > 0 } items)
        {
            problems.Add("$.items", "required", "Cần nêu ít nhất một tiêu chí cần giải trình.", "Name at least one sub-item to explain.");
            items = [];
        }
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.items[{i}]";
            if (items[i]?.Code is not { } code || !codes.Contains(code))
            {
                problems.Add(path + ".code", "unknown-item", $"Không có tiêu chí thành phần '{items[i]?.Code}'.", $"There is no sub-item '{items[i]?.Code}'.");
            }
            else if (questions.Any(q => q.Code == code))
            {
                problems.Add(path + ".code", "duplicate-item", $"Tiêu chí '{code}' được nêu hai lần.", $"Sub-item '{code}' is named twice.");
            }
            else if (string.IsNullOrWhiteSpace(items[i]!.Question) || items[i]!.Question!.Length > MaxCommentLength)
            {
                problems.Add(path + ".question", "required", $"Cần nội dung đề nghị giải trình (tối đa {MaxCommentLength} ký tự).",
                    $"A question of at most {MaxCommentLength} characters is required.");
            }
            else
            {
                questions.Add(new ExplanationQuestion(code, items[i]!.Question!.Trim()));
            }
        }
        ThrowIfAny(problems);

        var now = clock.GetUtcNow();
        var appraisal = current with
        {
            State = AppraisalState.ExplanationRequested,
            ExplanationRequest = new ExplanationRequest(deadline, string.IsNullOrWhiteSpace(body.Message) ? null : body.Message.Trim(), questions, now,
                caller.Actor, version.Value.Version),
        };
        var detail = $"hạn {Date(deadline)}: {string.Join(", ", questions.Select(q => q.Code))}";
        var stored = await WriteAsync(head, appraisal, new HistoryEntry(now, caller.Actor, "explanation-requested", version.Value.Version, detail), cancellationToken);
        LogExplanationRequested(agencyId, head.Value.Year, questions.Count, deadline);
        await notifier.NotifyAsync(new AgencyEvent(
            $"explanation-requested-{agencyId}-{head.Value.Year.ToString(CultureInfo.InvariantCulture)}", "explanation-requested", agencyId, head.Value.Year,
            $"{head.Value.AgencyName}: Ban chỉ đạo đề nghị giải trình các tiêu chí {detail.Split(": ")[1]} của tự đánh giá năm {head.Value.Year}, hạn {Date(deadline)}.",
            $"/api/agencies/{agencyId}/assessments/{head.Value.Year}/appraisal", deadline), cancellationToken);
        return new(AppraisalView.From(stored.Value, appraisal, version.Value.Score), stored.ETag);
    }

    /// <summary>The agency's answer, by its own submitters, to every item asked, before the deadline.</summary>
    public async Task<Stored<AppraisalView>> AnswerAsync(
        Caller caller, string agencyId, string yearText, ExplanationAnswerBody body, string? ifMatch, CancellationToken cancellationToken)
    {
        var expected = RequireIfMatch(ifMatch);
        var (head, version) = await LoadAsync(caller, agencyId, yearText, cancellationToken);
        if (!AccessRules.CanSubmit(caller, agencyId, head.Value.Jurisdiction))
        {
            throw AccessRules.Forbidden($"Chỉ cơ quan '{agencyId}' (ứng dụng nộp của cơ quan) giải trình được.");
        }
        var current = head.Value.Appraisal;
        if (current?.State != AppraisalState.ExplanationRequested)
        {
            throw Transition($"Không có đề nghị giải trình nào đang chờ cơ quan '{agencyId}' trả lời cho năm {head.Value.Year}.");
        }
        var request = current.ExplanationRequest!;
        if (Today() > request.Deadline)
        {
            throw Transition($"Đã quá hạn giải trình {Date(request.Deadline)}.");
        }
        RequireFresh(head, expected);
        var problems = new ValidationProblemList();
        var asked = request.Items.Select(q => q.Code).ToHashSet(StringComparer.Ordinal);
        var answers = new List<ExplainedItem>();
        if (body.Items is not { Count: > 0 } items)
        {
            problems.Add("$.items", "required", "Cần giải trình từng tiêu chí được đề nghị.", "Every sub-item asked about must be explained.");
            items = [];
        }
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.items[{i}]";
            var item = items[i];
            if (item?.Code is not { } code || !asked.Contains(code))
            {
                problems.Add(path + ".code", "not-asked", $"Tiêu chí '{item?.Code}' không nằm trong đề nghị giải trình.", $"Sub-item '{item?.Code}' was not asked about.");
                continue;
            }
            if (answers.Any(a => a.Code == code))
            {
                problems.Add(path + ".code", "duplicate-item", $"Tiêu chí '{code}' được giải trình hai lần.", $"Sub-item '{code}' is explained twice.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(item.Explanation) || item.Explanation.Length > MaxExplanationLength)
            {
                problems.Add(path + ".explanation", "required", $"Cần nội dung giải trình (tối đa {MaxExplanationLength} ký tự).",
                    $"An explanation of at most {MaxExplanationLength} characters is required.");
                continue;
            }
            var evidence = item.Evidence ?? [];
            if (evidence.Count > MaxEvidence) problems.Add(path + ".evidence", "too-many", $"Tối đa {MaxEvidence} minh chứng.", $"At most {MaxEvidence} evidence references.");
            for (var e = 0; e < evidence.Count; e++)
            {
                if (string.IsNullOrWhiteSpace(evidence[e]) || evidence[e]!.Length > MaxEvidenceLength)
                {
                    problems.Add($"{path}.evidence[{e}]", "invalid-evidence", $"Minh chứng là một dòng chữ khác rỗng, tối đa {MaxEvidenceLength} ký tự (số văn bản, đường dẫn).",
                        $"An evidence reference is non-empty text of at most {MaxEvidenceLength} characters (a document number, a link).");
                }
            }
            answers.Add(new ExplainedItem(code, item.Explanation.Trim(), [.. evidence.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e!.Trim())]));
        }
        foreach (var missing in request.Items.Where(q => answers.All(a => a.Code != q.Code) && items.All(i => i?.Code != q.Code)))
        {
            problems.Add("$.items", "unanswered", $"Chưa giải trình tiêu chí '{missing.Code}'.", $"Sub-item '{missing.Code}' is not explained.");
        }
        ThrowIfAny(problems);

        var now = clock.GetUtcNow();
        var appraisal = current with
        {
            State = AppraisalState.SecondRound,
            Round = 2,
            ExplanationAnswer = new ExplanationAnswer(answers, now, caller.Actor, head.Value.LatestVersion),
        };
        var detail = $"{string.Join(", ", answers.Select(a => a.Code))}; từ phiên bản {head.Value.LatestVersion}";
        var stored = await WriteAsync(head, appraisal, new HistoryEntry(now, caller.Actor, "explanation-answered", head.Value.LatestVersion, detail), cancellationToken);
        LogAnswered(agencyId, head.Value.Year, answers.Count);
        return new(AppraisalView.From(stored.Value, appraisal, version.Value.Score), stored.ETag);
    }

    /// <summary>The final result: every sub-item appraised against the latest version; locks the assessment.</summary>
    public async Task<Stored<AppraisalView>> FinalizeAsync(
        Caller caller, string agencyId, string yearText, FinalAppraisalBody body, string? ifMatch, CancellationToken cancellationToken)
    {
        var (head, version) = await LoadForAppraiserAsync(caller, agencyId, yearText, ifMatch, cancellationToken);
        var current = head.Value.Appraisal;
        switch (current?.State)
        {
            case null: throw Transition("Chưa có điểm thẩm định nào; hãy chấm trước khi kết luận.");
            case AppraisalState.Final: throw Transition("Thẩm định đã có kết quả cuối cùng.");
            case AppraisalState.ExplanationRequested:
                throw Transition($"Đang chờ cơ quan giải trình (hạn {Date(current.ExplanationRequest!.Deadline)}); hãy chấm lại vòng 2 trước khi kết luận.");
        }
        if (current.Version != head.Value.LatestVersion)
        {
            throw Transition($"Cơ quan đã nộp phiên bản {head.Value.LatestVersion} thay thế phiên bản {current.Version} đã chấm; hãy ghi lại điểm theo phiên bản mới trước khi kết luận.");
        }
        var problems = new ValidationProblemList();
        var marked = current.Items.Where(i => i.Points is not null).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in version.Value.Score.SubCriteria.Where(s => !marked.Contains(s.Code)))
        {
            problems.Add($"$.appraisal.items['{missing.Code}']", "not-appraised", $"Tiêu chí '{missing.Code}' chưa được chấm điểm thẩm định.",
                $"Sub-item '{missing.Code}' has no appraised points.");
        }
        AppraisalResult? result = body.Result switch
        {
            "meets" => AppraisalResult.Meets,
            "does-not-meet" => AppraisalResult.DoesNotMeet,
            _ => null,
        };
        if (result is null)
        {
            problems.Add("$.result", "invalid-result", "Kết quả là 'meets' (đạt chuẩn) hoặc 'does-not-meet' (không đạt).", "The result is 'meets' or 'does-not-meet'.");
        }
        var threshold = version.Value.Score.PassThreshold;
        if (result == AppraisalResult.Meets && current.AppraisedTotal < threshold)
        {
            problems.Add("$.result", "below-threshold", $"Tổng điểm thẩm định {Points(current.AppraisedTotal)} dưới mức đạt {Points(threshold)}: không kết luận đạt chuẩn được.",
                $"The appraised total {Points(current.AppraisedTotal)} is below the pass mark {Points(threshold)}.");
        }
        var reasons = new List<string>();
        var given = body.Reasons ?? [];
        if (given.Count > MaxReasons) problems.Add("$.reasons", "too-many", $"Tối đa {MaxReasons} lý do.", $"At most {MaxReasons} reasons.");
        for (var i = 0; i < given.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(given[i]) || given[i]!.Length > MaxCommentLength)
            {
                problems.Add($"$.reasons[{i}]", "invalid-reason", $"Lý do là một dòng chữ khác rỗng, tối đa {MaxCommentLength} ký tự.", $"A reason is non-empty text of at most {MaxCommentLength} characters.");
            }
            else reasons.Add(given[i]!.Trim());
        }
        if (result == AppraisalResult.DoesNotMeet && given.Count == 0)
        {
            problems.Add("$.reasons", "required", "Kết luận không đạt chuẩn cần nêu lý do (văn bản trả lời cơ quan).", "A result of does-not-meet needs its reasons (the written refusal).");
        }
        ThrowIfAny(problems);

        var now = clock.GetUtcNow();
        var appraisal = current with { State = AppraisalState.Final, Result = result, Reasons = reasons, FinalizedAt = now, FinalizedBy = caller.Actor };
        var detail = $"{(result == AppraisalResult.Meets ? "đạt chuẩn" : "không đạt chuẩn")}, {Points(current.AppraisedTotal)}/{Points(version.Value.Score.MaxTotal)} điểm"
            + (reasons.Count == 0 ? "" : ": " + string.Join("; ", reasons));
        var stored = await WriteAsync(head, appraisal, new HistoryEntry(now, caller.Actor, "appraisal-final", current.Version, detail), cancellationToken);
        LogFinalized(agencyId, head.Value.Year, result!.Value, current.AppraisedTotal);
        return new(AppraisalView.From(stored.Value, appraisal, version.Value.Score), stored.ETag);
    }

    /// <summary>The appraised total, as the scoring engine adds points: appraised points where given, else the computed ones.</summary>
    internal static decimal Total(ScoreResult score, IReadOnlyList<AppraisedItem> items)
    {
        var marks = items.ToDictionary(i => i.Code, StringComparer.Ordinal);
        return score.SubCriteria.GroupBy(s => s.CriterionCode).Sum(criterion => Math.Max(0m, criterion.Sum(s =>
        {
            var points = marks.GetValueOrDefault(s.Code)?.Points ?? s.Points;
            return s.Kind == Scoring.Rubrics.ItemKind.Penalty ? -points : points;
        })));
    }

    /// <summary>The agency (404 outside the caller's scope), its head (409 when only a draft or nothing was submitted) and latest version.</summary>
    private async Task<(Stored<AssessmentHead> Head, Stored<AssessmentVersion> Version)> LoadAsync(
        Caller caller, string agencyId, string yearText, CancellationToken cancellationToken)
    {
        var year = AssessmentYear.FromRoute(yearText);
        var agency = (await agencies.GetAsync(caller, agencyId, cancellationToken)).Value;
        var head = await assessments.FindHeadAsync(agencyId, year, cancellationToken);
        if (head is null)
        {
            throw new ApiProblemException(ProblemType.NotSubmitted,
                $"Cơ quan '{agency.Id}' chưa nộp chính thức tự đánh giá năm {year}: bản nháp không được thẩm định.");
        }
        if (!AccessRules.CanRead(caller, agencyId, head.Value.Jurisdiction))
        {
            throw ApiProblemException.NotFound($"Cơ quan '{agencyId}' chưa nộp tự đánh giá năm {year}.");
        }
        var version = await assessments.FindVersionAsync(agencyId, year, head.Value.LatestVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Assessment {head.Value.Id} points at a missing version {head.Value.LatestVersion}.");
        return (head, version);
    }

    private async Task<(Stored<AssessmentHead> Head, Stored<AssessmentVersion> Version)> LoadForAppraiserAsync(
        Caller caller, string agencyId, string yearText, string? ifMatch, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "thẩm định", Roles.Reviewer);
        var expected = RequireIfMatch(ifMatch);
        var loaded = await LoadAsync(caller, agencyId, yearText, cancellationToken);
        if (!AccessRules.CanAppraise(caller, agencyId, loaded.Head.Value.Jurisdiction))
        {
            throw AccessRules.Forbidden($"Bạn không được thẩm định cơ quan '{agencyId}'.");
        }
        RequireFresh(loaded.Head, expected);
        return loaded;
    }

    private static string RequireIfMatch(string? ifMatch)
    {
        if (ifMatch is null)
        {
            throw new ApiProblemException(ProblemType.PreconditionRequired,
                "Mỗi bước thẩm định cần If-Match với ETag của tự đánh giá vừa đọc, để hai người thẩm định không ghi đè lên nhau.",
                [new ValidationProblem("$.headers.If-Match", "if-match-required",
                    "Cần If-Match với ETag của tự đánh giá.", "If-Match with the assessment's ETag is required.")]);
        }
        return EntityTags.FromHeader(ifMatch) ?? StaleMarker;
    }

    // An If-Match that cannot be one of ours matches nothing: it is stale.
    private const string StaleMarker = "\0";

    private static void RequireFresh(Stored<AssessmentHead> head, string expected)
    {
        if (expected != head.ETag) throw Stale(head.Value);
    }

    private static ApiProblemException Stale(AssessmentHead head) =>
        new(ProblemType.PreconditionFailed,
            $"Tự đánh giá năm {head.Year} của cơ quan '{head.AgencyId}' đã thay đổi từ lần đọc trước (If-Match); hãy đọc lại rồi thực hiện lại bước này.");

    /// <summary>One write: the appraisal and its history entry on the head, if it is still as read (412 otherwise).</summary>
    private async Task<Stored<AssessmentHead>> WriteAsync(
        Stored<AssessmentHead> head, AssessmentAppraisal appraisal, HistoryEntry entry, CancellationToken cancellationToken)
    {
        var updated = head.Value with { Appraisal = appraisal, History = [.. head.Value.History, entry], UpdatedAt = clock.GetUtcNow() };
        var eTag = await assessments.TryReplaceHeadAsync(updated, head.ETag, cancellationToken) ?? throw Stale(head.Value);
        return new(updated, eTag);
    }

    private static ApiProblemException Transition(string detail) => new(ProblemType.InvalidTransition, detail);

    private static void ThrowIfAny(ValidationProblemList problems)
    {
        var result = problems.ToResult();
        if (!result.IsValid) throw ApiProblemException.Invalid(result.Problems);
    }

    private DateOnly Today() => VietnamCalendar.Today(clock);

    private DateOnly? DefaultDeadline(string jurisdiction, DateOnly today)
    {
        try
        {
            return procedures.For(jurisdiction, today).Deadlines.ExplanationDue(today);
        }
        catch (ProcedureNotFoundException)
        {
            return null;
        }
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Points(decimal value) => value.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));

    [LoggerMessage(Level = LogLevel.Information, Message = "Appraisal of {AgencyId}/{Year}: round {Round}, {Items} item(s) recorded, total {Total}")]
    private partial void LogRecorded(string agencyId, int year, int round, int items, decimal total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Appraisal of {AgencyId}/{Year}: explanation of {Items} item(s) requested by {Deadline}")]
    private partial void LogExplanationRequested(string agencyId, int year, int items, DateOnly deadline);

    [LoggerMessage(Level = LogLevel.Information, Message = "Appraisal of {AgencyId}/{Year}: explanation of {Items} item(s) answered")]
    private partial void LogAnswered(string agencyId, int year, int items);

    [LoggerMessage(Level = LogLevel.Information, Message = "Appraisal of {AgencyId}/{Year} final: {Result}, {Total} points")]
    private partial void LogFinalized(string agencyId, int year, AppraisalResult result, decimal total);
}
