namespace CulturalServerless.Scoring.Submissions;

public enum IndicatorValueType
{
    Missing,
    Number,
    Boolean,
    Text,
}
