using System.Collections.Concurrent;

namespace CulturalServerless.LocalRunner.Triggers;

/// <summary>
/// Counts the queue trigger listener's idle polls: a look at a watched queue that found no
/// visible message while none of that queue's invocations was under way. A caller waits for idle
/// polls instead of for a length of time: one that began after something was queued has seen it
/// handled (or left invisible for its visibilityTimeout). Also keeps each queue's longest
/// invocation, for the load harness. Observes only.
/// </summary>
public sealed class QueuePollCycles
{
    private readonly PollWaiters waiters = new(NotPolling);
    private readonly ConcurrentDictionary<string, long> started = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> longest = new(StringComparer.Ordinal);

    /// <summary>Completes when <paramref name="queue"/> has had <paramref name="count"/> idle polls that began after this call.</summary>
    public Task WaitForIdleAsync(string queue, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        // The poll under way (number `started`) may have begun before the call: it does not count.
        return waiters.WaitAsync(queue, started.GetValueOrDefault(queue) + count, cancellationToken);
    }

    /// <summary>The longest invocation so far of the function on <paramref name="queue"/> (zero before the first).</summary>
    public TimeSpan LongestInvocation(string queue) => longest.GetValueOrDefault(queue);

    /// <summary>A poll began; its number.</summary>
    internal long PollStarted(string queue) => started.AddOrUpdate(queue, 1, (_, number) => number + 1);

    /// <summary>Poll number <paramref name="poll"/> found the queue idle.</summary>
    internal void PollIdle(string queue, long poll) => waiters.Reached(queue, poll);

    internal void InvocationEnded(string queue, TimeSpan duration) =>
        longest.AddOrUpdate(queue, duration, (_, known) => duration > known ? duration : known);

    internal void Stopped() => waiters.Stopped();

    private static InvalidOperationException NotPolling() =>
        new("The queue trigger listener is not polling (stopped, or no function has a queue trigger).");
}
