namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// The pause before a writer that lost an optimistic-concurrency race (409/412) re-reads and tries
/// again: jittered, so writers that collided do not collide again in lockstep, and growing with the
/// attempt up to a cap, so a burst of writers spreads out without anyone waiting long.
/// </summary>
public static class ConcurrencyBackoff
{
    public static Task DelayAsync(int attempt, TimeProvider clock, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * Math.Min(attempt, 10)), clock, cancellationToken);
}
