using CulturalServerless.Scoring.Rubrics;
using CulturalServerless.Scoring.Submissions;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring;

/// <summary>
/// The one entry point the API needs: choose the rubric (by the submission's rubricId, else by its
/// year and the agency's jurisdiction), normalise the text to NFC, validate, and score when valid.
/// </summary>
public sealed class AssessmentEvaluator(RubricCatalog catalog)
{
    public AssessmentEvaluation Evaluate(AssessmentSubmission submission, string? jurisdiction = null)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var normalised = SubmissionText.ToNfc(submission);
        var rubric = normalised.RubricId is { } id ? catalog.Find(id) : catalog.FindFor(normalised.Year, jurisdiction);
        if (rubric is null)
        {
            return new AssessmentEvaluation(normalised, null, NoRubric(normalised, jurisdiction), null);
        }
        var validation = SubmissionValidator.Validate(rubric, normalised);
        var score = validation.IsValid ? ScoringEngine.Score(rubric, normalised) : null;
        return new AssessmentEvaluation(normalised, rubric, validation, score);
    }

    private static ValidationResult NoRubric(AssessmentSubmission submission, string? jurisdiction)
    {
        var problems = new ValidationProblemList();
        if (submission.RubricId is { } id)
        {
            problems.Add("$.rubricId", "submission.rubric-unknown",
                $"Không có bộ tiêu chí '{id}'.",
                $"There is no rubric '{id}'.");
        }
        else
        {
            var where = jurisdiction is null ? "" : $" ({jurisdiction})";
            problems.Add("$.year", "submission.rubric-not-found",
                $"Chưa có bộ tiêu chí cho năm {submission.Year}{where}.",
                $"No rubric applies to the year {submission.Year}{where}.");
        }
        return problems.ToResult();
    }
}
