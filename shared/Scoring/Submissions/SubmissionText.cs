using System.Text;
using CulturalServerless.Scoring.Indicators;

namespace CulturalServerless.Scoring.Submissions;

/// <summary>
/// Brings every text of a submission to Unicode NFC. Vietnamese typed on some keyboards arrives
/// decomposed (NFD): it then compares unequal, counts more characters and renders with misplaced
/// marks in the PDF. Returns the same instance when nothing changes, which is the common case.
/// </summary>
public static class SubmissionText
{
    public static AssessmentSubmission ToNfc(AssessmentSubmission submission)
    {
        if (IsNfc(submission))
        {
            return submission;
        }
        return submission with
        {
            GeneralSituation = Nfc(submission.GeneralSituation),
            Criteria = submission.Criteria.ToDictionary(entry => entry.Key, entry => ToNfc(entry.Value), StringComparer.Ordinal),
            Remarks = submission.Remarks.Select(Nfc).ToArray()!,
            Recommendations = Nfc(submission.Recommendations),
            Recipients = submission.Recipients.Select(Nfc).ToArray()!,
        };
    }

    private static SubCriterionReport ToNfc(SubCriterionReport report) => report with
    {
        Narrative = Nfc(report.Narrative),
        Evidence = report.Evidence.Select(Nfc).ToArray()!,
        Indicators = report.Indicators.ToDictionary(
            entry => entry.Key,
            entry => entry.Value.Type == IndicatorValueType.Text ? entry.Value.WithText(Nfc(entry.Value.Text)!) : entry.Value,
            StringComparer.Ordinal),
    };

    private static bool IsNfc(AssessmentSubmission submission) =>
        IsNfc(submission.GeneralSituation)
        && IsNfc(submission.Recommendations)
        && submission.Remarks.All(IsNfc)
        && submission.Recipients.All(IsNfc)
        && submission.Criteria.Values.All(IsNfc);

    private static bool IsNfc(SubCriterionReport report) =>
        IsNfc(report.Narrative)
        && report.Evidence.All(IsNfc)
        && report.Indicators.Values.All(value => value.Type != IndicatorValueType.Text || IsNfc(value.Text));

    private static bool IsNfc(string? text) => text is null || text.IsNormalized(NormalizationForm.FormC);

    private static string? Nfc(string? text) => IsNfc(text) ? text : text!.Normalize(NormalizationForm.FormC);
}
