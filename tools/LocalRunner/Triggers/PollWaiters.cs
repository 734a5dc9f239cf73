namespace CulturalServerless.LocalRunner.Triggers;

/// <summary>
/// Callers of a listener's poll counter waiting for a count (per key: a queue, or one key for all
/// blob containers) to reach their target; released when it does, failed when the listener stops.
/// </summary>
internal sealed class PollWaiters(Func<Exception> notPolling)
{
    private readonly Lock gate = new();
    private readonly List<(string Key, long Target, TaskCompletionSource Done)> waiters = [];
    private bool stopped;

    public Task WaitAsync(string key, long target, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (stopped) done.SetException(notPolling());
            else waiters.Add((key, target, done));
        }
        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The count of <paramref name="key"/> has reached <paramref name="reached"/>.</summary>
    public void Reached(string key, long reached)
    {
        List<TaskCompletionSource> ready;
        lock (gate)
        {
            ready = waiters.Where(w => w.Key == key && w.Target <= reached).Select(w => w.Done).ToList();
            waiters.RemoveAll(w => w.Key == key && w.Target <= reached);
        }
        foreach (var done in ready) done.TrySetResult();
    }

    public void Stopped()
    {
        List<TaskCompletionSource> waiting;
        lock (gate)
        {
            stopped = true;
            waiting = waiters.Select(w => w.Done).ToList();
            waiters.Clear();
        }
        foreach (var done in waiting) done.TrySetException(notPolling());
    }
}
