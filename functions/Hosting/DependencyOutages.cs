using CulturalServerless.Application.Reports;
using CulturalServerless.Functions.Http;

namespace CulturalServerless.Functions.Hosting;

/// <summary>A dependency is out when the HTTP boundary would answer 503 for the same exception (<see cref="DependencyFailures"/>).</summary>
public sealed class DependencyOutages : IDependencyOutages
{
    public bool IsOutage(Exception exception) => DependencyFailures.Describe(exception, deadlinePassed: false) is not null;
}
