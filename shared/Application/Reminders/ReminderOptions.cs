namespace CulturalServerless.Application.Reminders;

/// <summary>
/// The <c>Reminders</c> settings: the national defaults, and overrides per jurisdiction and year
/// (<c>Reminders__Overrides__51__2026__DeadlineMonthDay</c>), because the deadline and rhythm are
/// set by each steering committee, not by law. docs/reminders.md lists them.
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Month and day of the submission deadline, <c>MM-dd</c>.</summary>
    public string DeadlineMonthDay { get; set; } = "11-30";

    /// <summary>Days before the deadline on which a reminder goes out, comma-separated.</summary>
    public string OffsetsDays { get; set; } = "30,14,7,1";

    /// <summary>After the deadline, a reminder every this many days while the agency is overdue.</summary>
    public int OverdueEveryDays { get; set; } = 7;

    /// <summary>Month and day of the last overdue reminder, <c>MM-dd</c>.</summary>
    public string LastDayMonthDay { get; set; } = "12-31";

    /// <summary>
    /// How long a reminder may stay <c>pending</c> before a run queues it again
    /// (<c>Reminders__ReclaimAfter</c>): its message was lost with a process killed between
    /// recording it and queueing it. Far longer than a run's deliveries take, so a reminder still
    /// queued is not queued twice.
    /// </summary>
    public TimeSpan ReclaimAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Jurisdiction → year → the rules that differ there; unset members inherit.</summary>
    public Dictionary<string, Dictionary<string, ReminderRuleOverride>> Overrides { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>What one jurisdiction changes for one year; null members keep the value from above.</summary>
public sealed class ReminderRuleOverride
{
    public string? DeadlineMonthDay { get; set; }
    public string? OffsetsDays { get; set; }
    public int? OverdueEveryDays { get; set; }
    public string? LastDayMonthDay { get; set; }
}
