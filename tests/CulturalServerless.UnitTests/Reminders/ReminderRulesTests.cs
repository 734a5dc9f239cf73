using CulturalServerless.Application.Reminders;
using Microsoft.Extensions.Options;

namespace CulturalServerless.UnitTests.Reminders;

/// <summary>The reminder calendar: which stage is due on which day, and how settings change it.</summary>
public sealed class ReminderRulesTests
{
    private static ReminderCalendar Calendar(Action<ReminderOptions>? configure = null)
    {
        var options = new ReminderOptions();
        configure?.Invoke(options);
        return new ReminderCalendar(Options.Create(options));
    }

    [Fact]
    public void With_the_defaults_each_stage_becomes_due_on_its_day_and_stays_due_until_the_next()
    {
        var rules = Calendar().For("51.522", 2026);
        var changes = new List<(DateOnly Day, string? Stage)>();
        string? previous = null;
        for (var day = new DateOnly(2026, 10, 1); day <= new DateOnly(2027, 1, 5); day = day.AddDays(1))
        {
            var stage = rules.DueStage(day)?.Name;
            if (stage != previous) changes.Add((day, stage));
            previous = stage;
        }

        Assert.Equal(
        [
            (new DateOnly(2026, 10, 31), "d-30"), (new DateOnly(2026, 11, 16), "d-14"), (new DateOnly(2026, 11, 23), "d-7"),
            (new DateOnly(2026, 11, 29), "d-1"),
            // Past the deadline a missed "1 day before" is not sent late; overdue turns take over.
            (new DateOnly(2026, 12, 1), null),
            (new DateOnly(2026, 12, 7), "overdue-2026-12-07"), (new DateOnly(2026, 12, 14), "overdue-2026-12-14"),
            (new DateOnly(2026, 12, 21), "overdue-2026-12-21"), (new DateOnly(2026, 12, 28), "overdue-2026-12-28"),
            (new DateOnly(2027, 1, 1), null),
        ], changes);
    }

    [Fact]
    public void The_deadline_day_itself_still_makes_up_a_missed_last_reminder()
    {
        var rules = Calendar().For("51", 2026);
        Assert.Equal("d-1", rules.DueStage(new DateOnly(2026, 11, 30))?.Name);
        Assert.Equal(new DateOnly(2026, 10, 31), rules.SeasonStart);
    }

    [Fact]
    public void The_most_specific_jurisdiction_override_for_the_year_wins_member_by_member()
    {
        var calendar = Calendar(options =>
        {
            options.Overrides["51"] = new() { ["2026"] = new() { DeadlineMonthDay = "12-15", OffsetsDays = "10,3" } };
            options.Overrides["51.522"] = new() { ["2026"] = new() { OffsetsDays = "5" } };
            options.Overrides["52"] = new() { ["2025"] = new() { DeadlineMonthDay = "10-31" } };
        });

        var district = calendar.For("51.522.7", 2026);
        var province = calendar.For("51.523", 2026);
        var otherYear = calendar.For("52", 2026);

        Assert.Equal(new DateOnly(2026, 12, 15), district.Deadline);
        Assert.Equal([5], district.OffsetsDays);
        Assert.Equal(new DateOnly(2026, 12, 15), province.Deadline);
        Assert.Equal([10, 3], province.OffsetsDays);
        Assert.Equal(new DateOnly(2026, 11, 30), otherYear.Deadline);
        Assert.Equal(new DateOnly(2026, 12, 31), district.LastDay);
    }

    [Fact]
    public void A_different_overdue_rhythm_changes_the_overdue_days()
    {
        var rules = Calendar(options => options.OverdueEveryDays = 3).For("51", 2026);
        Assert.Equal("overdue-2026-12-03", rules.DueStage(new DateOnly(2026, 12, 4))?.Name);
        Assert.Null(rules.DueStage(new DateOnly(2026, 12, 2)));
    }

    [Theory]
    [InlineData("DeadlineMonthDay", "30-11", "Reminders__DeadlineMonthDay")]
    [InlineData("OffsetsDays", "30,x", "Reminders__OffsetsDays")]
    [InlineData("LastDayMonthDay", "13-01", "Reminders__LastDayMonthDay")]
    public void A_malformed_setting_is_refused_with_its_name(string member, string value, string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Calendar(options =>
            typeof(ReminderOptions).GetProperty(member)!.SetValue(options, value)));
        Assert.Contains(setting, error.Message);
    }

    [Fact]
    public void A_malformed_override_is_refused_with_its_full_setting_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Calendar(options =>
            options.Overrides["51"] = new() { ["2026"] = new() { OverdueEveryDays = 0 } }));
        Assert.Contains("Reminders__Overrides__51__2026__OverdueEveryDays", error.Message);
    }

    [Fact]
    public void A_last_day_before_the_deadline_is_refused()
    {
        var calendar = Calendar(options => options.LastDayMonthDay = "11-15");
        Assert.Throws<InvalidOperationException>(() => calendar.For("51", 2026));
    }

    [Fact]
    public void February_29_becomes_the_28th_so_every_year_has_it()
    {
        var rules = Calendar(options => { options.DeadlineMonthDay = "02-29"; options.LastDayMonthDay = "03-31"; }).For("51", 2027);
        Assert.Equal(new DateOnly(2027, 2, 28), rules.Deadline);
    }
}
