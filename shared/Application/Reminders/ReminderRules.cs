using System.Globalization;

namespace CulturalServerless.Application.Reminders;

/// <summary>
/// The reminder calendar of one jurisdiction for one year: the deadline, the days before it on
/// which reminders go out, and the overdue rhythm until the last day.
/// </summary>
public sealed record ReminderRules(DateOnly Deadline, IReadOnlyList<int> OffsetsDays, int OverdueEveryDays, DateOnly LastDay)
{
    /// <summary>The first day anyone is reminded: the largest offset before the deadline.</summary>
    public DateOnly SeasonStart => Deadline.AddDays(-OffsetsDays.DefaultIfEmpty(0).Max());

    public bool InSeason(DateOnly day) => day >= SeasonStart && day <= LastDay;

    /// <summary>
    /// The stage due on <paramref name="day"/>: the latest stage whose date has come. A run that
    /// missed a stage's day (host down, failed run) makes it up on the next run, and a stage that
    /// a later one has overtaken is not sent, so an agency never gets two reminders in one run.
    /// </summary>
    public ReminderStage? DueStage(DateOnly day)
    {
        if (!InSeason(day)) return null;
        if (day > Deadline)
        {
            // Past the deadline only overdue reminders are due: a missed "1 day before" is not sent late.
            var overdueDays = day.DayNumber - Deadline.DayNumber;
            var lastTurn = overdueDays / OverdueEveryDays * OverdueEveryDays;
            if (lastTurn == 0) return null;
            var date = Deadline.AddDays(lastTurn);
            return new ReminderStage("overdue-" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date);
        }
        var before = OffsetsDays
            .Select(offset => (Offset: offset, Date: Deadline.AddDays(-offset)))
            .Where(stage => stage.Date <= day)
            .OrderByDescending(stage => stage.Date)
            .Select(stage => new ReminderStage("d-" + stage.Offset.ToString(CultureInfo.InvariantCulture), stage.Date))
            .FirstOrDefault();
        return before;
    }
}

/// <summary>One reminder of the calendar (<c>d-14</c>, <c>overdue-2026-12-07</c>) and the day it belongs to.</summary>
public sealed record ReminderStage(string Name, DateOnly Date);
