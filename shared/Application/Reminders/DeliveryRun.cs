using System.Collections.Concurrent;

namespace CulturalServerless.Application.Reminders;

/// <summary>
/// What one reminder run's deliveries share, so that slow receivers cannot hold the run: a total
/// time budget (<c>Webhooks__RunBudget</c>, counted from the run's first delivery, in real time)
/// after which no post starts and no retry either, and the receivers that did not answer in this
/// run, to which no further post starts. What is not started is not claimed, so the next run sends
/// it (a run sends each agency the latest stage due, so nothing is lost by waiting a day).
/// </summary>
public sealed class DeliveryRun(TimeSpan budget) : IDisposable
{
    private readonly ConcurrentDictionary<string, byte> unavailable = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private CancellationTokenSource? spent;

    /// <summary>Cancelled once the budget is spent; starts the budget's clock on first use.</summary>
    public CancellationToken Budget
    {
        get
        {
            lock (gate)
            {
                spent ??= new CancellationTokenSource(budget);
                return spent.Token;
            }
        }
    }

    /// <summary>True when a post to <paramref name="recipient"/> may start now.</summary>
    public bool MayStart(string recipient) => !Budget.IsCancellationRequested && !unavailable.ContainsKey(recipient);

    /// <summary>The receiver did not answer (or cannot be reached): this run posts nothing more to it.</summary>
    public void MarkUnavailable(string recipient) => unavailable.TryAdd(recipient, 0);

    public void Dispose()
    {
        lock (gate) spent?.Dispose();
    }
}
