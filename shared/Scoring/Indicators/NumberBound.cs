namespace CulturalServerless.Scoring.Indicators;

/// <summary>
/// Reports often give a bound rather than a figure: "trên 98%" (above 98) or "trên 98% trở lên"
/// (98 or more). Keeping the bound lets the engine compare honestly instead of inventing a number.
/// </summary>
public enum NumberBound
{
    Exact,
    AtLeast,
    Above,
}
