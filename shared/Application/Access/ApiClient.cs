namespace CulturalServerless.Application.Access;

/// <summary>
/// An entry of the registry of API clients (container <c>clients</c>): which roles an application
/// (a province's portal, a committee's tool, a person's sign-in app) may use here and its scope.
/// Keyed by the token's client id (<c>azp</c>).
/// </summary>
public sealed record ApiClient
{
    public const string DocumentType = "api-client";

    public const int MaxNameLength = 300;

    /// <summary>The id of the client's document; the container is shared with other kinds of client record.</summary>
    public static string DocumentId(string clientId) => "api-client:" + clientId;

    public required string Id { get; init; }
    public string Type { get; init; } = DocumentType;
    public required string ClientId { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    public string? Jurisdiction { get; init; }
    public IReadOnlyList<string> AgencyIds { get; init; } = [];
    public required DateTimeOffset UpdatedAt { get; init; }
    public required Actor UpdatedBy { get; init; }
}

/// <summary>The body of <c>PUT /api/clients/{clientId}</c>; members optional so a missing one is a validation problem.</summary>
public sealed record ApiClientRegistration
{
    public string? ClientId { get; init; }
    public string? Name { get; init; }
    public IReadOnlyList<string>? Roles { get; init; }
    public string? Jurisdiction { get; init; }
    public IReadOnlyList<string>? AgencyIds { get; init; }
}
