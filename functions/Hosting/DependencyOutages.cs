using CulturalServerless.Application.Reports;
using CulturalServerless.Functions.Http;
using CulturalServerless.Reports.Signing;

namespace CulturalServerless.Functions.Hosting;

/// <summary>
/// A dependency is out when the HTTP boundary would answer 503 for the same exception
/// (<see cref="DependencyFailures"/>), or when the time-stamping authority, which only signing
/// calls, did not answer: neither is the report's fault, so neither spends a render attempt.
/// </summary>
public sealed class DependencyOutages : IDependencyOutages
{
    public bool IsOutage(Exception exception) =>
        exception is TimestampAuthorityUnavailableException || DependencyFailures.Describe(exception, deadlinePassed: false) is not null;
}
