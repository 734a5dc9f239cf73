namespace CulturalServerless.Application.Access;

/// <summary>
/// The authenticated caller of an API request: the token's subject, the API client it came through,
/// the roles it holds here (token roles the registry of API clients confirms) and its scope.
/// </summary>
public sealed record Caller(string Subject, string? ClientId, IReadOnlySet<string> Roles, AccessScope Scope)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsAdmin => IsInRole(Access.Roles.Admin);

    /// <summary>How the caller appears in the history of what it changes.</summary>
    public Actor Actor => new(Subject, ClientId);
}
