using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Problems;
using CulturalServerless.Scoring;
using CulturalServerless.Scoring.Submissions;
using CulturalServerless.Validation;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// How an assessment body is checked for an agency-year, whatever is done with it afterwards
/// (submitted as a version, saved as a draft): the body's year, when given, must be the route's;
/// the rubric is chosen for that year and the agency's jurisdiction; every problem is a 400.
/// </summary>
public static class AssessmentEvaluatorExtensions
{
    /// <summary>The NFC-normalised submission and its score, or a validation problem listing every problem.</summary>
    public static AssessmentEvaluation EvaluateForYear(this AssessmentEvaluator evaluator, AssessmentSubmission submission, int year, Agency agency)
    {
        if (submission.Year != 0 && submission.Year != year)
        {
            throw ApiProblemException.Invalid([new ValidationProblem("$.year", "year-mismatch",
                $"Năm trong nội dung ({submission.Year}) khác năm trên đường dẫn ({year}).",
                $"The year in the body ({submission.Year}) differs from the year in the path ({year}).")]);
        }
        var evaluation = evaluator.Evaluate(submission with { Year = year }, agency.Jurisdiction);
        if (!evaluation.IsValid) throw ApiProblemException.Invalid(evaluation.Validation.Problems);
        return evaluation;
    }
}
