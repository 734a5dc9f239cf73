namespace CulturalServerless.IntegrationTests.Infrastructure;

/// <summary>
/// A clock that is set by hand but whose timers are real: the loser of an If-Match race pauses a
/// few milliseconds and reads again, which a FakeTimeProvider would hold forever.
/// </summary>
public sealed class SetClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
