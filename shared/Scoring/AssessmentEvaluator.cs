using CulturalServerless.Scoring.Rubrics;
using CulturalServerless.Scoring.Submissions;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring;

/// <summary>
/// The one entry point the API needs: choose the rubric (by the submission's rubricId, else by its
/// year and the agency's jurisdiction), validate, and only when valid normalise the text to NFC and
/// score. Validation comes first because a submission read from JSON may hold a null anywhere.
/// </summary>
public sealed class AssessmentEvaluator(RubricCatalog catalog)
{
    public AssessmentEvaluation Evaluate(AssessmentSubmission submission, string? jurisdiction = null)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var rubric = submission.RubricId is { } id ? catalog.Find(id) : catalog.FindFor(submission.Year, jurisdiction);
        if (rubric is null)
        {
            return new AssessmentEvaluation(submission, null, NoRubric(submission, jurisdiction), null);
        }
        var validation = SubmissionValidator.Validate(rubric, submission);
        if (!validation.IsValid)
        {
            return new AssessmentEvaluation(submission, rubric, validation, null);
        }
        var normalised = SubmissionText.ToNfc(submission);
        return new AssessmentEvaluation(normalised, rubric, validation, ScoringEngine.Score(rubric, normalised));
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
