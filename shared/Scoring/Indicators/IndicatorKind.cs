namespace CulturalServerless.Scoring.Indicators;

public enum IndicatorKind
{
    /// <summary>A share in per cent, 0–100.</summary>
    Percentage,
    /// <summary>A whole number of people, cases, courses…, never negative.</summary>
    Count,
    /// <summary>Yes or no, e.g. "the staff conference was held on time".</summary>
    Boolean,
    /// <summary>A quantity with a unit and a range set by the rubric (hours, money…).</summary>
    Amount,
    /// <summary>Free text with a length limit.</summary>
    Text,
}
