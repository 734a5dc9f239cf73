namespace CulturalServerless.Application.Statistics;

/// <summary>The answer of <c>GET /api/statistics</c>: the year asked for first, then the earlier years, each in all and per unit.</summary>
public sealed record StatisticsReport(string? Jurisdiction, DateOnly AsOf, IReadOnlyList<YearStatistics> Years);

public sealed record YearStatistics(int Year, UnitStatistics Total, IReadOnlyList<UnitStatistics> Units);

/// <summary>
/// The figures of one unit (or of the whole scope: <see cref="Unit"/> null) for one year.
/// <see cref="Missing"/> counts agencies with no submission once their deadline has passed
/// (drafts-only agencies among them); before it, none is missing yet.
/// </summary>
public sealed record UnitStatistics(
    string? Unit,
    int Registered,
    int DraftsOnly,
    int Submitted,
    int Passed,
    int Failed,
    int Appraised,
    int Recognised,
    int NotRecognised,
    int Missing,
    IReadOnlyList<ScoreBand> Distribution);

/// <summary>How many submitted assessments have a computed total from <see cref="From"/> up to, not including, <see cref="Below"/> (the last band includes 100).</summary>
public sealed record ScoreBand(decimal From, decimal Below, int Count);
