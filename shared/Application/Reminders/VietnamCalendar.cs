namespace CulturalServerless.Application.Reminders;

/// <summary>
/// Dates as agencies see them: in Asia/Ho_Chi_Minh. The timer fires in UTC (Linux plans ignore
/// WEBSITE_TIME_ZONE), so "today" is worked out here from the injected clock.
/// </summary>
public static class VietnamCalendar
{
    public const string TimeZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>
    /// The IANA zone when the machine has tz data; otherwise the same rule built in, since Viet Nam
    /// has kept UTC+7 without daylight saving since 1975 and a container without tzdata must still work.
    /// </summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone(TimeZoneId, TimeSpan.FromHours(7), "Indochina Time", "Indochina Time");

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
}
