namespace CulturalServerless.Application.Assessments;

/// <summary>
/// Where the appraisals of a jurisdiction's submitted assessments of one year stand, counted from
/// the heads: not started yet, in the first round, waiting for an explanation, in the second round,
/// and final (met or did not meet the standard). A committee digest carries it.
/// </summary>
public sealed record AppraisalCounts(int NotStarted, int FirstRound, int ExplanationRequested, int SecondRound, int Met, int NotMet)
{
    public static AppraisalCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    public int Submitted => NotStarted + FirstRound + ExplanationRequested + SecondRound + Met + NotMet;

    public AppraisalCounts Add(AppraisalState? state, AppraisalResult? result) => state switch
    {
        null => this with { NotStarted = NotStarted + 1 },
        AppraisalState.FirstRound => this with { FirstRound = FirstRound + 1 },
        AppraisalState.ExplanationRequested => this with { ExplanationRequested = ExplanationRequested + 1 },
        AppraisalState.SecondRound => this with { SecondRound = SecondRound + 1 },
        _ => result == AppraisalResult.Meets ? this with { Met = Met + 1 } : this with { NotMet = NotMet + 1 },
    };
}
