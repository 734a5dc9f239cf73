using CulturalServerless.Application.Access;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Paging;

namespace CulturalServerless.Application.Agencies;

/// <summary>Where registered agencies are kept: point operations by id, and the lists.</summary>
public interface IAgencyStore
{
    Task<Stored<Agency>?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates the agency; null when one with its id exists already.</summary>
    Task<Stored<Agency>?> TryCreateAsync(Agency agency, CancellationToken cancellationToken);

    /// <summary>Replaces the agency if it still has <paramref name="eTag"/>; null when someone changed it first.</summary>
    Task<Stored<Agency>?> TryReplaceAsync(Agency agency, string eTag, CancellationToken cancellationToken);

    /// <summary>
    /// Agencies of a jurisdiction and everything under it (all when null), by id, and only those
    /// that <paramref name="access"/> covers (no restriction when null).
    /// </summary>
    Task<Page<Agency>> ListAsync(string? jurisdiction, AccessScope? access, string? continuationToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>One page of every agency, as much of each as a reminder run needs, in whatever order is cheapest.</summary>
    Task<Page<AgencyEntry>> ListEntriesAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken);
}

/// <summary>An agency as a reminder run sees it: who, and whose committee.</summary>
public sealed record AgencyEntry(string Id, string Name, string Jurisdiction);
