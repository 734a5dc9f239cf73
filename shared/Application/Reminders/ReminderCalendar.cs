using System.Globalization;
using Microsoft.Extensions.Options;

namespace CulturalServerless.Application.Reminders;

/// <summary>
/// Turns the <c>Reminders</c> settings into the rules of a jurisdiction and year. The most specific
/// jurisdiction with an override for the year wins (51.522 over 51), member by member over the
/// national defaults. Every setting is parsed up front, so a typo stops the first run with its name.
/// </summary>
public sealed class ReminderCalendar
{
    private readonly ParsedRule defaults;
    private readonly Dictionary<(string Jurisdiction, int Year), ParsedRule> overrides = [];

    public ReminderCalendar(IOptions<ReminderOptions> options)
    {
        var value = options.Value;
        defaults = new ParsedRule(
            ParseMonthDay(value.DeadlineMonthDay, "Reminders__DeadlineMonthDay"),
            ParseOffsets(value.OffsetsDays, "Reminders__OffsetsDays"),
            ParseEvery(value.OverdueEveryDays, "Reminders__OverdueEveryDays"),
            ParseMonthDay(value.LastDayMonthDay, "Reminders__LastDayMonthDay"));
        foreach (var (jurisdiction, years) in value.Overrides)
        {
            foreach (var (yearText, rule) in years)
            {
                var prefix = $"Reminders__Overrides__{jurisdiction}__{yearText}__";
                if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                {
                    throw new InvalidOperationException($"{prefix}: '{yearText}' is not a year.");
                }
                overrides[(jurisdiction, year)] = new ParsedRule(
                    rule.DeadlineMonthDay is null ? null : ParseMonthDay(rule.DeadlineMonthDay, prefix + "DeadlineMonthDay"),
                    rule.OffsetsDays is null ? null : ParseOffsets(rule.OffsetsDays, prefix + "OffsetsDays"),
                    rule.OverdueEveryDays is null ? null : ParseEvery(rule.OverdueEveryDays.Value, prefix + "OverdueEveryDays"),
                    rule.LastDayMonthDay is null ? null : ParseMonthDay(rule.LastDayMonthDay, prefix + "LastDayMonthDay"));
            }
        }
    }

    public ReminderRules For(string jurisdiction, int year)
    {
        // Most specific first: "51.522.1", "51.522", "51"; the first one that sets a member wins it.
        var chain = JurisdictionScopes.NearestFirst(jurisdiction)
            .Select(scope => overrides.GetValueOrDefault((scope, year)))
            .OfType<ParsedRule>()
            .Append(defaults)
            .ToList();
        var deadline = chain.Select(rule => rule.Deadline).First(value => value is not null)!.Value;
        var lastDay = chain.Select(rule => rule.LastDay).First(value => value is not null)!.Value;
        var rules = new ReminderRules(
            new DateOnly(year, deadline.Month, deadline.Day),
            chain.Select(rule => rule.Offsets).First(value => value is not null)!,
            chain.Select(rule => rule.Every).First(value => value is not null)!.Value,
            new DateOnly(year, lastDay.Month, lastDay.Day));
        return rules.LastDay >= rules.Deadline ? rules
            : throw new InvalidOperationException($"Reminder rules for {jurisdiction} in {year}: the last day {rules.LastDay:MM-dd} is before the deadline {rules.Deadline:MM-dd}.");
    }

    private static (int Month, int Day) ParseMonthDay(string text, string setting)
    {
        // Parsed in a leap year so that 02-29 is accepted; it becomes 02-28, a day every year has.
        if (DateOnly.TryParseExact("2000-" + text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date.Month, date is { Month: 2, Day: 29 } ? 28 : date.Day);
        }
        throw new InvalidOperationException($"{setting}: '{text}' is not a month and day like 11-30.");
    }

    private static IReadOnlyList<int> ParseOffsets(string text, string setting)
    {
        var offsets = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 365)
            {
                throw new InvalidOperationException($"{setting}: '{part}' is not a number of days from 1 to 365.");
            }
            offsets.Add(days);
        }
        return offsets.Distinct().OrderDescending().ToArray();
    }

    private static int ParseEvery(int days, string setting) =>
        days is >= 1 and <= 365 ? days : throw new InvalidOperationException($"{setting}: {days} is not a number of days from 1 to 365.");

    private sealed record ParsedRule((int Month, int Day)? Deadline, IReadOnlyList<int>? Offsets, int? Every, (int Month, int Day)? LastDay);
}
