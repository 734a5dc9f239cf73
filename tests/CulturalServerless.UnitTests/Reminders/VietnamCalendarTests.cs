using CulturalServerless.Application.Reminders;
using CulturalServerless.Calendar;
using Microsoft.Extensions.Time.Testing;

namespace CulturalServerless.UnitTests.Reminders;

public sealed class VietnamCalendarTests
{
    [Theory]
    [InlineData("2026-11-22T16:59:59Z", "2026-11-22")]
    [InlineData("2026-11-22T17:00:00Z", "2026-11-23")]
    [InlineData("2026-12-31T17:00:00Z", "2027-01-01")]
    public void Today_is_the_date_in_Viet_Nam_seven_hours_ahead_of_UTC(string utc, string expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), VietnamCalendar.Today(clock));
    }
}
