namespace CulturalServerless.UnitTests.Scoring;

/// <summary>Copies of a submission with one thing changed, so each test states only its difference from the seed.</summary>
internal static class SubmissionEdits
{
    public static AssessmentSubmission WithIndicator(this AssessmentSubmission submission, string code, string indicator, IndicatorValue value) =>
        submission.WithReport(code, report => report with
        {
            Indicators = new Dictionary<string, IndicatorValue>(report.Indicators) { [indicator] = value },
        });

    public static AssessmentSubmission WithoutIndicator(this AssessmentSubmission submission, string code, string indicator) =>
        submission.WithReport(code, report =>
        {
            var indicators = new Dictionary<string, IndicatorValue>(report.Indicators);
            indicators.Remove(indicator);
            return report with { Indicators = indicators };
        });

    public static AssessmentSubmission WithReport(this AssessmentSubmission submission, string code, Func<SubCriterionReport, SubCriterionReport> change)
    {
        var criteria = new Dictionary<string, SubCriterionReport>(submission.Criteria);
        criteria[code] = change(criteria.TryGetValue(code, out var report) ? report : new SubCriterionReport());
        return submission with { Criteria = criteria };
    }

    public static AssessmentSubmission WithoutSubCriterion(this AssessmentSubmission submission, string code)
    {
        var criteria = new Dictionary<string, SubCriterionReport>(submission.Criteria);
        criteria.Remove(code);
        return submission with { Criteria = criteria };
    }

    public static AssessmentSubmission WithSelfScores(this AssessmentSubmission submission, IReadOnlyDictionary<string, decimal> selfScores)
    {
        var edited = submission;
        foreach (var (code, score) in selfScores)
        {
            edited = edited.WithReport(code, report => report with { SelfScore = score });
        }
        return edited;
    }
}
