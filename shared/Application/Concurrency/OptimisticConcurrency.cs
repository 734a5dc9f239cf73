using CulturalServerless.Application.Problems;

namespace CulturalServerless.Application.Concurrency;

/// <summary>
/// The one read-change-write loop under optimistic concurrency. Each attempt reads the document,
/// applies its change to what it read and writes it back with If-Match (or creates it when there
/// is none); an attempt that lost the race (409 or 412) answers <see cref="Attempt{T}.Retry"/>.
/// Because every change is a function of the document as read, concurrent writers all land and
/// none is silently dropped.
/// </summary>
public static class OptimisticConcurrency
{
    /// <summary>Enough for a burst of writers to one document: each loser re-reads and tries again.</summary>
    public const int MaxAttempts = 100;

    /// <summary>Runs <paramref name="attempt"/> until it succeeds; a 409 problem with <paramref name="conflictDetail"/> after <see cref="MaxAttempts"/>.</summary>
    public static async Task<T> RunAsync<T>(
        Func<CancellationToken, Task<Attempt<T>>> attempt, TimeProvider clock, string conflictDetail, CancellationToken cancellationToken)
    {
        for (var number = 1; number <= MaxAttempts; number++)
        {
            var outcome = await attempt(cancellationToken);
            if (outcome.Succeeded) return outcome.Value;
            await Task.Delay(PauseAfter(number), clock, cancellationToken);
        }
        throw new ApiProblemException(ProblemType.Conflict, conflictDetail);
    }

    /// <summary>
    /// Jittered, so writers that collided do not collide again in lockstep, and growing with the
    /// attempt up to a cap, so a burst spreads out without anyone waiting long.
    /// </summary>
    internal static TimeSpan PauseAfter(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * Math.Min(attempt, 10));
}

/// <summary>What one attempt of <see cref="OptimisticConcurrency.RunAsync{T}"/> came to.</summary>
public readonly record struct Attempt<T>(bool Succeeded, T Value)
{
    /// <summary>Lost the race: read again and re-apply.</summary>
    public static Attempt<T> Retry => default;

    public static Attempt<T> Done(T value) => new(true, value);
}
