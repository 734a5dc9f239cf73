namespace CulturalServerless.Scoring;

public enum Verdict
{
    /// <summary>"Đạt": the total reaches the pass mark and no knock-out was triggered.</summary>
    Passed,
    Failed,
}
