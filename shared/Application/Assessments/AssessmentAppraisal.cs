using CulturalServerless.Application.Access;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// Where the steering committee's appraisal (thẩm định) of an agency-year stands:
/// first round → (explanation requested → second round) → final, which locks the assessment.
/// </summary>
public enum AppraisalState
{
    /// <summary>The appraisal team is recording its points and comments for the first time.</summary>
    FirstRound,
    /// <summary>The agency has been asked to explain named items by a deadline; the team waits for the answer.</summary>
    ExplanationRequested,
    /// <summary>The agency answered (or the deadline passed): the team appraises again.</summary>
    SecondRound,
    /// <summary>The final result is recorded: the assessment is locked, no version may supersede it.</summary>
    Final,
}

/// <summary>The overall result of an appraisal.</summary>
public enum AppraisalResult
{
    Meets,
    DoesNotMeet,
}

/// <summary>
/// The appraisal of an agency's assessment for a year, kept on the assessment's head so one read
/// (and one ETag, the If-Match of every step) covers the assessment, its appraisal and its
/// history. <see cref="State"/>, <see cref="AppraisedTotal"/> and <see cref="Result"/> are the
/// summary that lists, exports and statistics read without opening the items.
/// </summary>
public sealed record AssessmentAppraisal
{
    public required AppraisalState State { get; init; }

    /// <summary>1 until an explanation round, then 2.</summary>
    public required int Round { get; init; }

    /// <summary>The assessment version the points were last recorded against (a correction makes it older than the latest).</summary>
    public required int Version { get; init; }

    /// <summary>The appraised total over every sub-item, as the rubric adds them (penalties taken off, never below 0).</summary>
    public required decimal AppraisedTotal { get; init; }

    /// <summary>The final result; null until <see cref="AppraisalState.Final"/>.</summary>
    public AppraisalResult? Result { get; init; }

    /// <summary>Why it does not meet the standard (the written refusal), or remarks on a pass; empty until final.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Per sub-item: the appraised points and comment of each round; sub-items not yet appraised are absent.</summary>
    public IReadOnlyList<AppraisedItem> Items { get; init; } = [];

    public ExplanationRequest? ExplanationRequest { get; init; }

    public ExplanationAnswer? ExplanationAnswer { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
    public required Actor StartedBy { get; init; }
    public DateTimeOffset? FinalizedAt { get; init; }
    public Actor? FinalizedBy { get; init; }
}

/// <summary>The appraisal of one sub-item: what each round gave it.</summary>
public sealed record AppraisedItem(string Code, RoundMark? First, RoundMark? Second)
{
    /// <summary>The points that count: the second round's where there is one.</summary>
    public decimal? Points => Second?.Points ?? First?.Points;
}

/// <summary>Points and comment given to a sub-item in one round, by whom and when.</summary>
public sealed record RoundMark(decimal Points, string? Comment, DateTimeOffset At, Actor By);

/// <summary>The committee's request that the agency explain named items by a deadline.</summary>
public sealed record ExplanationRequest(
    DateOnly Deadline, string? Message, IReadOnlyList<ExplanationQuestion> Items, DateTimeOffset RequestedAt, Actor RequestedBy, int Version);

public sealed record ExplanationQuestion(string Code, string Question);

/// <summary>The agency's answer, item by item; <see cref="Version"/> is the version it answers from (a correction makes it newer).</summary>
public sealed record ExplanationAnswer(IReadOnlyList<ExplainedItem> Items, DateTimeOffset AnsweredAt, Actor AnsweredBy, int Version);

public sealed record ExplainedItem(string Code, string Explanation, IReadOnlyList<string> Evidence);

/// <summary>What an assessment read shows of its appraisal: the summary, and the refusal's reasons when it did not meet the standard.</summary>
public sealed record AppraisalSummary(
    AppraisalState State, int Round, int Version, decimal AppraisedTotal, AppraisalResult? Result, IReadOnlyList<string> Reasons,
    DateOnly? ExplanationDeadline)
{
    public static AppraisalSummary? Of(AssessmentAppraisal? appraisal) => appraisal is null
        ? null
        : new(appraisal.State, appraisal.Round, appraisal.Version, appraisal.AppraisedTotal, appraisal.Result, appraisal.Reasons,
            appraisal.State == AppraisalState.ExplanationRequested ? appraisal.ExplanationRequest?.Deadline : null);
}
