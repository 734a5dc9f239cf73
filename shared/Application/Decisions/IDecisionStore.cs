using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Paging;

namespace CulturalServerless.Application.Decisions;

/// <summary>Where recognition decisions are kept (container <c>decisions</c>, partitioned by id), their render requests and signed PDFs.</summary>
public interface IDecisionStore
{
    Task<Stored<RecognitionDecisionRecord>?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates the decision; false when its id is taken (the same request retried).</summary>
    Task<bool> TryCreateAsync(RecognitionDecisionRecord decision, CancellationToken cancellationToken);

    /// <summary>Replaces it if it still has <paramref name="eTag"/>; false when someone changed it first.</summary>
    Task<bool> TryReplaceAsync(RecognitionDecisionRecord decision, string eTag, CancellationToken cancellationToken);

    /// <summary>Decisions listing the agency, oldest first.</summary>
    Task<IReadOnlyList<RecognitionDecisionRecord>> ListForAgencyAsync(string agencyId, CancellationToken cancellationToken);

    /// <summary>Decisions of a province (jurisdictions under its code), for eligibility over many agencies at once.</summary>
    Task<IReadOnlyList<RecognitionDecisionRecord>> ListForProvinceAsync(string province, CancellationToken cancellationToken);

    /// <summary>
    /// Ids of decisions whose document is still requested, last requested at or before
    /// <paramref name="requestedBefore"/> (the reconciler's work), a page at a time.
    /// </summary>
    Task<Page<string>> FindStuckRequestedAsync(
        DateTimeOffset requestedBefore, string? continuationToken, int pageSize, CancellationToken cancellationToken);
}

/// <summary>The render requests and the signed PDFs of decisions, in Blob Storage.</summary>
public interface IDecisionDocumentStore
{
    /// <summary>Writes the render request unless it is there (a retry): the blob trigger renders it.</summary>
    Task EnsureRequestedAsync(string id, CancellationToken cancellationToken);

    /// <summary>Writes the render request whether or not it is there, so the blob trigger fires again (the reconciler's re-request).</summary>
    Task RewriteRequestAsync(string id, CancellationToken cancellationToken);

    Task<Reports.StoredReport?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores the signed PDF unless one is there; either way returns the stored one.</summary>
    Task<Reports.StoredReport> StoreAsync(
        string id, byte[] pdf, string sha256, string documentNumber, DateTimeOffset signedAt, string certificateThumbprint, CancellationToken cancellationToken);

    Task<Reports.ReadLink> IssueReadLinkAsync(string id, TimeSpan lifetime, CancellationToken cancellationToken);
}
