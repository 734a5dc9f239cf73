namespace CulturalServerless.Application.Health;

public enum DependencyState
{
    Up,
    Down,
}

/// <summary>The state of one dependency; <see cref="Error"/> says why it is down, without internals.</summary>
public sealed record DependencyHealth(string Name, DependencyState State, long DurationMs, string? Error = null);

public sealed record HealthReport(string Status, string Version, IReadOnlyList<DependencyHealth> Dependencies)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsHealthy => Dependencies.All(d => d.State == DependencyState.Up);
}
