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

    public void Set(TKey key, TValue value)
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
    }

    public void Remove(TKey key) => entries.TryRemove(key, out _);
}
