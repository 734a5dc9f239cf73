namespace CulturalServerless.LocalRunner.Triggers;

/// <summary>
/// Counts the blob trigger listener's poll cycles (one look at every watched container, with every
/// invocation it started finished), so that a caller can wait for whole cycles instead of for a
/// length of time: a cycle that began after something happened has seen it. Observes only; the
/// listener polls as it would without it.
/// </summary>
public sealed class BlobPollCycles
{
    private const string AllContainers = "";
    private readonly PollWaiters waiters = new(NotPolling);
    private long started;
    private long completed;

    /// <summary>Completes when <paramref name="count"/> cycles that begin after this call have ended.</summary>
    public Task WaitForCyclesAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        // Cycles run one after another: the one under way (number `started`) does not count.
        return waiters.WaitAsync(AllContainers, Interlocked.Read(ref started) + count, cancellationToken);
    }

    internal void CycleStarted() => Interlocked.Increment(ref started);

    internal void CycleCompleted() => waiters.Reached(AllContainers, Interlocked.Increment(ref completed));

    /// <summary>The listener has stopped (or has nothing to watch): no cycle will come.</summary>
    internal void Stopped() => waiters.Stopped();

    private static InvalidOperationException NotPolling() =>
        new("The blob trigger listener is not polling (stopped, or no function has a blob trigger).");
}
