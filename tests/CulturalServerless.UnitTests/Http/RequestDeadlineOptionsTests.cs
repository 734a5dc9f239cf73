using CulturalServerless.Functions.Http;
using Microsoft.Extensions.Configuration;

namespace CulturalServerless.UnitTests.Http;

public sealed class RequestDeadlineOptionsTests
{
    [Theory]
    [InlineData(null, 10)]
    [InlineData("", 10)]
    [InlineData("00:00:10", 10)]
    [InlineData("00:00:05", 5)]
    [InlineData("00:01:00", 60)]
    public void The_deadline_comes_from_Http_RequestDeadline(string? setting, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RequestDeadlineOptions.From(Settings(setting)).Deadline);
    }

    [Theory]
    [InlineData("10")]          // ten days, not ten seconds
    [InlineData("00:00:00.5")]
    [InlineData("00:05:00")]
    [InlineData("-00:00:10")]
    [InlineData("soon")]
    public void A_deadline_that_is_not_a_time_span_from_1_s_to_2_min_stops_the_app(string setting)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => RequestDeadlineOptions.From(Settings(setting)));

        Assert.Contains("Http__RequestDeadline", failure.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(string? deadline) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Http:RequestDeadline"] = deadline })
        .Build();
}
