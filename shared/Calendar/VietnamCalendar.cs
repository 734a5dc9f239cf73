namespace CulturalServerless.Calendar;

/// <summary>
/// Dates and times as agencies see them: in Asia/Ho_Chi_Minh. Timers fire in UTC (Linux plans
/// ignore WEBSITE_TIME_ZONE) and documents are dated in Viet Nam, so local time is worked out here
/// from the injected clock — the one place that knows the zone.
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

    /// <summary>The instant in Viet Nam's offset (for timestamps printed on documents).</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());
}
