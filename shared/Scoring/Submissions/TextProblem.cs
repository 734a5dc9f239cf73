namespace CulturalServerless.Scoring.Submissions;

internal enum TextProblem
{
    None,
    Missing,
    TooLong,
}
