namespace CulturalServerless.Application.Health;

/// <summary>Asks one dependency whether it answers; throws when it does not.</summary>
public interface IHealthProbe
{
    /// <summary>The dependency's name in the health report (e.g. <c>cosmosDb</c>).</summary>
    string Name { get; }

    Task ProbeAsync(CancellationToken cancellationToken);
}
