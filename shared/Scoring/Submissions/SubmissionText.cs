using System.Text;

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

    private static bool IsNfc(AssessmentSubmission submission)
    {
        if (!IsNfc(submission.GeneralSituation) || !IsNfc(submission.Recommendations) || !AllNfc(submission.Remarks) || !AllNfc(submission.Recipients))
        {
            return false;
        }
        // Deserialised submissions hold Dictionary instances: enumerate them as such, without boxing.
        if (submission.Criteria is Dictionary<string, SubCriterionReport> criteria)
        {
            foreach (var report in criteria.Values)
            {
                if (!IsNfc(report))
                {
                    return false;
                }
            }
            return true;
        }
        return submission.Criteria.Values.All(IsNfc);
    }

    private static bool IsNfc(SubCriterionReport report)
    {
        if (!IsNfc(report.Narrative) || !AllNfc(report.Evidence))
        {
            return false;
        }
        if (report.Indicators is Dictionary<string, IndicatorValue> indicators)
        {
            foreach (var value in indicators.Values)
            {
                if (value.Type == IndicatorValueType.Text && !IsNfc(value.Text))
                {
                    return false;
                }
            }
            return true;
        }
        return report.Indicators.Values.All(value => value.Type != IndicatorValueType.Text || IsNfc(value.Text));
    }

    private static bool AllNfc(IReadOnlyList<string> texts)
    {
        for (var i = 0; i < texts.Count; i++)
        {
            if (!IsNfc(texts[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsNfc(string? text)
    {
        if (text is null)
        {
            return true;
        }
        // Most texts pass the fast check; only the rest pay for the full ICU check.
        return NfcStableText.IsStable(text) || text.IsNormalized(NormalizationForm.FormC);
    }

    private static string? Nfc(string? text) => text is null || IsNfc(text) ? text : text.Normalize(NormalizationForm.FormC);
}
