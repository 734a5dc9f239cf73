namespace CulturalServerless.Scoring.Indicators;

public enum IndicatorValueType
{
    Missing,
    Number,
    Boolean,
    Text,
}
