using CulturalServerless.Application.Access;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Scoring;

namespace CulturalServerless.Application.Statistics;

/// <summary>
/// What the statistics are counted from: the stored records themselves, read as narrow
/// projections (never a second set of counters that could drift from them).
/// </summary>
public interface IStatisticsStore
{
    /// <summary>Every registered agency under <paramref name="jurisdiction"/> (all when null) that <paramref name="access"/> covers: id and jurisdiction.</summary>
    IAsyncEnumerable<RegisteredAgency> ReadAgenciesAsync(string? jurisdiction, AccessScope? access, CancellationToken cancellationToken);

    /// <summary>The heads of a year's submitted assessments under the jurisdiction and scope, as much of each as a tally needs.</summary>
    IAsyncEnumerable<SubmittedHead> ReadHeadsAsync(int year, string? jurisdiction, AccessScope? access, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="agencyIds"/> have a saved draft for the year.</summary>
    Task<IReadOnlySet<string>> FindAgenciesWithDraftAsync(int year, IReadOnlyCollection<string> agencyIds, CancellationToken cancellationToken);
}

public sealed record RegisteredAgency(string Id, string Jurisdiction);

/// <summary>An agency-year's head as the statistics read it.</summary>
public sealed record SubmittedHead(
    string AgencyId, string Jurisdiction, AssessmentStatus Status, decimal ComputedTotal, Verdict Verdict,
    AppraisalState? AppraisalState = null, AppraisalResult? AppraisalResult = null);
