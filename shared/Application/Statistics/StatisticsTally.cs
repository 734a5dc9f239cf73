using CulturalServerless.Application.Assessments;
using CulturalServerless.Scoring;

namespace CulturalServerless.Application.Statistics;

/// <summary>The running counts of one unit and year, added to one record at a time.</summary>
internal sealed class StatisticsTally(string? unit)
{
    /// <summary>The lower bounds of the score bands; the pass mark of the shipped rubrics (90) starts the last.</summary>
    public static readonly decimal[] BandStarts = [0m, 50m, 60m, 70m, 80m, 90m];

    private readonly int[] bands = new int[BandStarts.Length];
    private int registered, draftsOnly, submitted, passed, failed, appraised, recognised, notRecognised, missing;

    public void AddRegistered() => registered++;

    public void AddDraftOnly() => draftsOnly++;

    public void AddMissing() => missing++;

    public void AddSubmitted(SubmittedHead head)
    {
        submitted++;
        if (head.Verdict == Verdict.Passed) passed++; else failed++;
        var band = Array.FindLastIndex(BandStarts, start => head.ComputedTotal >= start);
        bands[Math.Max(0, band)]++;
        // Appraised means the appraisal's final result is recorded; it met the standard or it did not.
        if (head.AppraisalState == AppraisalState.Final)
        {
            appraised++;
            if (head.AppraisalResult == AppraisalResult.Meets) recognised++; else notRecognised++;
        }
    }

    public UnitStatistics ToStatistics() => new(unit, registered, draftsOnly, submitted, passed, failed, appraised, recognised, notRecognised, missing,
        [.. BandStarts.Select((start, i) => new ScoreBand(start, i + 1 < BandStarts.Length ? BandStarts[i + 1] : 100m, bands[i]))]);
}
