namespace CulturalServerless.LocalRunner.Triggers;

/// <summary>
/// Counts the blob trigger listener's poll cycles (one look at every watched container, with every
/// invocation it started finished), so that a caller can wait for whole cycles instead of for a
/// length of time: a cycle that began after something happened has seen it. Observes only; the
/// listener polls as it would without it.
/// </summary>
public sealed class BlobPollCycles
{
    private readonly Lock gate = new();
    private readonly List<(long Target, TaskCompletionSource Done)> waiters = [];
    private long started;
    private long completed;
    private bool stopped;

    /// <summary>Completes when <paramref name="count"/> cycles that begin after this call have ended.</summary>
    public Task WaitForCyclesAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (stopped) done.SetException(NotPolling());
            // Cycles run one after another: the one under way (number `started`) does not count.
            else waiters.Add((started + count, done));
        }
        return done.Task.WaitAsync(cancellationToken);
    }

    internal void CycleStarted()
    {
        lock (gate) started++;
    }

    internal void CycleCompleted()
    {
        List<TaskCompletionSource> ready;
        lock (gate)
        {
            completed++;
            ready = waiters.Where(w => w.Target <= completed).Select(w => w.Done).ToList();
            waiters.RemoveAll(w => w.Target <= completed);
        }
        foreach (var done in ready) done.TrySetResult();
    }

    /// <summary>The listener has stopped (or has nothing to watch): no cycle will come.</summary>
    internal void Stopped()
    {
        List<TaskCompletionSource> waiting;
        lock (gate)
        {
            stopped = true;
            waiting = waiters.Select(w => w.Done).ToList();
            waiters.Clear();
        }
        foreach (var done in waiting) done.TrySetException(NotPolling());
    }

    private static InvalidOperationException NotPolling() =>
        new("The blob trigger listener is not polling (stopped, or no function has a blob trigger).");
}
