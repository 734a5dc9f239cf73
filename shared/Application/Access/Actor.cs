namespace CulturalServerless.Application.Access;

/// <summary>Who did something: the authenticated subject and the API client it came through.</summary>
public sealed record Actor(string Subject, string? Client = null)
{
    /// <summary>The system itself, e.g. the report renderer.</summary>
    public static readonly Actor System = new("system");
}
