using CulturalServerless.Scoring.Rubrics;
using CulturalServerless.Scoring.Submissions;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring;

/// <summary>
/// The outcome of evaluating one submission: the submission (when valid, with every text in NFC:
/// the one to store; otherwise as it was given), the rubric chosen, every validation problem, and
/// the score when the submission is valid.
/// </summary>
public sealed record AssessmentEvaluation(AssessmentSubmission Submission, Rubric? Rubric, ValidationResult Validation, ScoreResult? Score)
{
    public bool IsValid => Validation.IsValid && Score is not null;
}
