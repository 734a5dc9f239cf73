using System.Collections.Concurrent;

namespace CulturalServerless.Application.Caching;

/// <summary>
/// A process-wide map whose entries live for a fixed time, for documents read on every request
/// that change rarely. Writes made through this process replace or remove their entry at once;
/// a change made through another instance is seen when the entry expires. Bounded: when full, it
/// starts again empty rather than grow without limit.
/// </summary>
public sealed class ExpiringCache<TKey, TValue>(TimeSpan lifetime, TimeProvider clock, int capacity = 10_000)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset Expires)> entries = new();

    // Counts removals, so that a value read before a removal is never kept after it (see Set).
    private long removals;

    /// <summary>Taken before reading the value that will be kept with <see cref="Set"/>.</summary>
    public long Generation => Interlocked.Read(ref removals);

    /// <summary>False when caching is off (a zero lifetime).</summary>
    public bool Enabled => lifetime > TimeSpan.Zero;

    public bool TryGet(TKey key, out TValue value)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Expires > clock.GetUtcNow())
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// Keeps a value read after <paramref name="readAfter"/> was taken from <see cref="Generation"/>.
    /// If anything was removed since, the value may be the one the removal meant to drop: it is not
    /// kept (a removal that overlaps this call either sees the new entry and drops it, or is seen here).
    /// </summary>
    public void Set(TKey key, TValue value, long readAfter)
    {
        if (!Enabled)
        {
            return;
        }

        if (entries.Count >= capacity)
        {
            entries.Clear();
        }

        entries[key] = (value, clock.GetUtcNow() + lifetime);
        if (Generation != readAfter)
        {
            entries.TryRemove(key, out _);
        }
    }

    /// <summary>Drops the entry, and any value read before now that is about to be kept.</summary>
    public void Remove(TKey key)
    {
        Interlocked.Increment(ref removals);
        entries.TryRemove(key, out _);
    }
}
