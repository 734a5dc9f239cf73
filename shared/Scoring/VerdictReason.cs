namespace CulturalServerless.Scoring;

/// <summary>One reason for the verdict, with a stable code ("total-reached", "total-below", "knock-out").</summary>
public sealed record VerdictReason(string Code, string Message)
{
    public const string TotalReached = "total-reached";
    public const string TotalBelow = "total-below";
    public const string KnockOut = "knock-out";
}
