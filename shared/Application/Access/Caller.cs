namespace CulturalServerless.Application.Access;

/// <summary>
/// The authenticated caller of an API request: the token's subject, the API client it came through,
/// the roles it holds here (token roles the registry of API clients confirms) and its scope.
/// </summary>
public sealed record Caller(string Subject, string? ClientId, IReadOnlySet<string> Roles, AccessScope Scope)
{
    /// <summary>
    /// The token's delegated scopes (<c>scp</c>): empty for an app-only token. A client acting for a
    /// signed-in user holds the user's app roles in <see cref="Roles"/>; a scope never adds one.
    /// </summary>
    public IReadOnlySet<string> DelegatedScopes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsAdmin => IsInRole(Access.Roles.Admin);

    /// <summary>How the caller appears in the history of what it changes.</summary>
    public Actor Actor => new(Subject, ClientId);
}
