using CulturalServerless.Scoring.Indicators;

namespace CulturalServerless.Scoring.Submissions;

/// <summary>What the agency reports for one sub-criterion.</summary>
public sealed record SubCriterionReport
{
    /// <summary>Figures keyed by the rubric's indicator ids.</summary>
    public IReadOnlyDictionary<string, IndicatorValue> Indicators { get; init; } = new Dictionary<string, IndicatorValue>();
    public string? Narrative { get; init; }
    /// <summary>References to the documents behind the figures, e.g. "Báo cáo số 1979/BC-VP ngày 11/11/2022".</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
    public decimal? SelfScore { get; init; }
}
