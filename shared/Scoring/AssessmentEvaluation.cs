using CulturalServerless.Scoring.Rubrics;
using CulturalServerless.Scoring.Submissions;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring;

/// <summary>
/// The outcome of evaluating one submission: the NFC-normalised submission (the one to store),
/// the rubric chosen, every validation problem, and the score when the submission is valid.
/// </summary>
public sealed record AssessmentEvaluation(AssessmentSubmission Submission, Rubric? Rubric, ValidationResult Validation, ScoreResult? Score)
{
    public bool IsValid => Validation.IsValid && Score is not null;
}
