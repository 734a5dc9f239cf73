using CulturalServerless.Application.Access;
using CulturalServerless.Calendar;

namespace CulturalServerless.Application.Agencies;

/// <summary>
/// What an agency was registered as over a period: where it was (<see cref="Jurisdiction"/>) and
/// the names its reports print — parent body, issuing body, steering committee, place. A report
/// for a past year prints the period of that year, so a move or a renaming never rewrites what an
/// earlier year's report says.
/// </summary>
public sealed record AgencyRegistrationPeriod
{
    public required DateOnly ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public required string Jurisdiction { get; init; }
    public required string Name { get; init; }
    public required string ParentBody { get; init; }
    public string? HeaderName { get; init; }
    public string? SteeringCommittee { get; init; }
    public required string PlaceName { get; init; }

    /// <summary>When and by whom the period was recorded (a registration, an update, a reorganisation's move); absent on periods recorded before this was kept.</summary>
    public DateTimeOffset? RecordedAt { get; init; }

    public Actor? RecordedBy { get; init; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    /// <summary>The period as the agency's current fields say, from <paramref name="validFrom"/>, open-ended; recorded by <paramref name="recordedBy"/> at <paramref name="recordedAt"/> when given.</summary>
    public static AgencyRegistrationPeriod Of(Agency agency, DateOnly validFrom, Actor? recordedBy = null, DateTimeOffset? recordedAt = null) => new()
    {
        ValidFrom = validFrom,
        Jurisdiction = agency.Jurisdiction,
        Name = agency.Name,
        ParentBody = agency.ParentBody,
        HeaderName = agency.HeaderName,
        SteeringCommittee = agency.SteeringCommittee,
        PlaceName = agency.PlaceName,
        RecordedAt = recordedAt,
        RecordedBy = recordedBy,
    };

    /// <summary>True when the two would print the same names in the same place (whoever recorded them).</summary>
    public bool SameAs(AgencyRegistrationPeriod other) =>
        Jurisdiction == other.Jurisdiction && Name == other.Name && ParentBody == other.ParentBody && HeaderName == other.HeaderName
        && SteeringCommittee == other.SteeringCommittee && PlaceName == other.PlaceName;
}

/// <summary>The registration history of an agency, kept with it (<see cref="Agency.Registrations"/>).</summary>
public static class AgencyRegistrations
{
    /// <summary>
    /// The agency's periods; an agency stored before periods were kept has one, from the day it was
    /// created, as its fields say.
    /// </summary>
    public static IReadOnlyList<AgencyRegistrationPeriod> Periods(this Agency agency) =>
        agency.Registrations.Count > 0 ? agency.Registrations : [AgencyRegistrationPeriod.Of(agency, VietnamCalendar.DateOf(agency.CreatedAt))];

    /// <summary>The period in force on <paramref name="date"/>; before the first, the first (the agency as first registered).</summary>
    public static AgencyRegistrationPeriod On(this Agency agency, DateOnly date)
    {
        var periods = agency.Periods();
        return periods.LastOrDefault(p => p.IsValidOn(date)) ?? (date < periods[0].ValidFrom ? periods[0] : periods[^1]);
    }

    /// <summary>
    /// The periods with <paramref name="next"/> in force from its start: the current period is
    /// replaced when it starts the same day, else closed the day before. Null when
    /// <paramref name="next"/> starts before the current period (history is not rewritten).
    /// </summary>
    public static IReadOnlyList<AgencyRegistrationPeriod>? With(IReadOnlyList<AgencyRegistrationPeriod> periods, AgencyRegistrationPeriod next)
    {
        if (periods.Count == 0) return [next];
        var current = periods[^1];
        if (next.ValidFrom < current.ValidFrom) return null;
        if (next.ValidFrom == current.ValidFrom) return [.. periods.SkipLast(1), next];
        return [.. periods.SkipLast(1), current with { ValidTo = next.ValidFrom.AddDays(-1) }, next];
    }
}
