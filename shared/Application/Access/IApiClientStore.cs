using CulturalServerless.Application.Paging;

namespace CulturalServerless.Application.Access;

/// <summary>Where the registry of API clients is kept: a point read per authenticated request.</summary>
public interface IApiClientStore
{
    Task<ApiClient?> FindAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the entry; true when it was created.</summary>
    Task<bool> UpsertAsync(ApiClient client, CancellationToken cancellationToken);

    Task<Page<ApiClient>> ListAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken);
}
