using System.Diagnostics;

namespace CulturalServerless.LoadHarness;

/// <summary>
/// The reminder day the harness measures, whatever today is (a d-7 morning has the most to send),
/// running on at real speed from there, so that timeouts and leases measured against it pass.
/// </summary>
internal sealed class FixedClock(DateTimeOffset start) : TimeProvider
{
    private readonly long origin = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(origin);
}
