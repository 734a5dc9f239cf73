namespace CulturalServerless.LocalRunner.Triggers;

/// <summary>
/// Counts the queue trigger listener's idle polls: a look at a watched queue that found no
/// visible message while none of that queue's invocations was under way. A caller waits for idle
/// polls instead of for a length of time: one that began after something was queued has seen it
/// handled (or left invisible for its visibilityTimeout). Observes only.
/// </summary>
public sealed class QueuePollCycles
{
    private readonly Lock gate = new();
    private readonly List<(string Queue, long Target, TaskCompletionSource Done)> waiters = [];
    private readonly Dictionary<string, (long Started, long Idle)> counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> longest = new(StringComparer.Ordinal);
    private bool stopped;

    /// <summary>The longest invocation so far of the function on <paramref name="queue"/> (zero before the first).</summary>
    public TimeSpan LongestInvocation(string queue)
    {
        lock (gate) return longest.GetValueOrDefault(queue);
    }

    internal void InvocationEnded(string queue, TimeSpan duration)
    {
        lock (gate)
        {
            if (duration > longest.GetValueOrDefault(queue)) longest[queue] = duration;
        }
    }

    /// <summary>Completes when <paramref name="queue"/> has had <paramref name="count"/> idle polls that began after this call.</summary>
    public Task WaitForIdleAsync(string queue, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (stopped) done.SetException(NotPolling());
            // The poll under way (number `Started`) may have begun before the call: it does not count.
            else waiters.Add((queue, counts.GetValueOrDefault(queue).Started + count, done));
        }
        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>A poll began; its number.</summary>
    internal long PollStarted(string queue)
    {
        lock (gate)
        {
            var (started, idle) = counts.GetValueOrDefault(queue);
            counts[queue] = (started + 1, idle);
            return started + 1;
        }
    }

    /// <summary>Poll number <paramref name="poll"/> found the queue idle.</summary>
    internal void PollIdle(string queue, long poll)
    {
        List<TaskCompletionSource> ready;
        lock (gate)
        {
            var (started, _) = counts[queue];
            counts[queue] = (started, poll);
            ready = waiters.Where(w => w.Queue == queue && w.Target <= poll).Select(w => w.Done).ToList();
            waiters.RemoveAll(w => w.Queue == queue && w.Target <= poll);
        }
        foreach (var done in ready) done.TrySetResult();
    }

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
        new("The queue trigger listener is not polling (stopped, or no function has a queue trigger).");
}
