using CulturalServerless.LocalRunner.Triggers;
using Microsoft.Extensions.Configuration;

namespace CulturalServerless.IntegrationTests.Runner;

public sealed class TimerScheduleTests
{
    [Fact]
    public void Schedules_name_app_settings_and_are_read_in_UTC_with_or_without_seconds()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["REMINDER_SCHEDULE"] = "0 0 1 * * *" })
            .Build();

        var withSeconds = TimerTriggerScheduler.ParseSchedule("%REMINDER_SCHEDULE%", configuration);
        var fiveFields = TimerTriggerScheduler.ParseSchedule("30 1 * * *", configuration);

        var from = new DateTime(2026, 11, 26, 1, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 11, 27, 1, 0, 0), withSeconds.GetNextOccurrence(from));
        Assert.Equal(new DateTime(2026, 11, 26, 1, 30, 0), fiveFields.GetNextOccurrence(from));
    }

    [Fact]
    public void A_schedule_naming_a_missing_setting_is_refused_with_its_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            TimerTriggerScheduler.ParseSchedule("%NOT_SET%", new ConfigurationBuilder().Build()));
        Assert.Contains("NOT_SET", error.Message);
    }
}
