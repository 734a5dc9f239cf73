namespace CulturalServerless.Scoring;

/// <summary>A triggered knock-out: the sub-criterion, the indicator and why recognition is refused.</summary>
public sealed record KnockOut(string Code, string Indicator, string Reason);
