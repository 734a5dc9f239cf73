using CulturalServerless.Application.Caching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace CulturalServerless.UnitTests.Caching;

public sealed class ExpiringCacheTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_entry_is_served_until_its_lifetime_ends_and_not_after()
    {
        var cache = new ExpiringCache<string, string>(TimeSpan.FromSeconds(30), clock);
        cache.Set("portal", "submitter", cache.Generation);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.True(cache.TryGet("portal", out var value));
        Assert.Equal("submitter", value);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet("portal", out _));
    }

    [Fact]
    public void A_removed_entry_is_read_again_at_once()
    {
        var cache = new ExpiringCache<string, string>(TimeSpan.FromSeconds(30), clock);
        cache.Set("portal", "submitter", cache.Generation);

        cache.Remove("portal");

        Assert.False(cache.TryGet("portal", out _));
    }

    [Fact]
    public void A_value_read_before_a_removal_is_not_kept_after_it()
    {
        var cache = new ExpiringCache<string, string>(TimeSpan.FromSeconds(30), clock);
        var before = cache.Generation; // a request starts reading the old entry…

        cache.Remove("portal"); // …while an admin's change on this instance drops it…
        cache.Set("portal", "old roles", before); // …and the request then tries to keep what it read.

        Assert.False(cache.TryGet("portal", out _));
        cache.Set("portal", "new roles", cache.Generation);
        Assert.True(cache.TryGet("portal", out var now));
        Assert.Equal("new roles", now);
    }

    [Fact]
    public void A_zero_lifetime_keeps_nothing()
    {
        var cache = new ExpiringCache<string, string>(TimeSpan.Zero, clock);

        cache.Set("portal", "submitter", cache.Generation);

        Assert.False(cache.Enabled);
        Assert.False(cache.TryGet("portal", out _));
    }

    [Fact]
    public void A_full_cache_starts_again_rather_than_grow()
    {
        var cache = new ExpiringCache<int, int>(TimeSpan.FromMinutes(1), clock, capacity: 3);
        cache.Set(1, 1, cache.Generation);
        cache.Set(2, 2, cache.Generation);
        cache.Set(3, 3, cache.Generation);

        cache.Set(4, 4, cache.Generation);

        Assert.False(cache.TryGet(1, out _));
        Assert.True(cache.TryGet(4, out _));
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("", 30)]
    [InlineData("0", 0)]
    [InlineData("120", 120)]
    public void The_lifetime_comes_from_ReadCache_Seconds(string? setting, int seconds)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ReadCache:Seconds"] = setting })
            .Build();

        Assert.Equal(TimeSpan.FromSeconds(seconds), ReadCacheOptions.From(configuration).Lifetime);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("thirty")]
    [InlineData("3601")]
    public void A_wrong_lifetime_stops_the_app_with_the_setting_named(string setting)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ReadCache:Seconds"] = setting })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => ReadCacheOptions.From(configuration));
        Assert.Contains("ReadCache__Seconds", error.Message, StringComparison.Ordinal);
    }
}
