namespace CulturalServerless.Application.Assessments;

/// <summary>Who did something: the authenticated subject and the API client it came through.</summary>
public sealed record Actor(string Subject, string? Client = null)
{
    /// <summary>The system itself, e.g. the report renderer.</summary>
    public static readonly Actor System = new("system");
}

/// <summary>One entry of an assessment's history: who, when, what.</summary>
public sealed record HistoryEntry(DateTimeOffset At, Actor Actor, string Action, int Version, string? Detail = null);
