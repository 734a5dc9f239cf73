namespace CulturalServerless.LoadHarness;

/// <summary>The reminder day the harness measures, whatever today is: a d-7 morning has the most to send.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
