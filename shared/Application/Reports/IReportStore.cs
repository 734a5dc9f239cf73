namespace CulturalServerless.Application.Reports;

/// <summary>What a stored report says about itself.</summary>
public sealed record StoredReport(string BlobPath, string Sha256, long Size, string DocumentNumber, DateTimeOffset SignedAt, string CertificateThumbprint);

/// <summary>A read-only link to a stored file and when it stops working.</summary>
public sealed record ReadLink(Uri Url, DateTimeOffset ExpiresOn);

/// <summary>Where signed reports are kept, one per assessment version.</summary>
public interface IReportStore
{
    /// <summary>The report already stored for a version; null when there is none.</summary>
    Task<StoredReport?> FindAsync(string agencyId, int year, int version, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a signed report unless one is there already (a repeated trigger); either way returns
    /// the one that is stored, so a version only ever has one report.
    /// </summary>
    Task<StoredReport> StoreAsync(
        string agencyId, int year, int version, byte[] pdf, string sha256, string documentNumber, DateTimeOffset signedAt,
        string certificateThumbprint, IDictionary<string, string> extraMetadata, CancellationToken cancellationToken);

    /// <summary>A read-only link to a version's report that lives <paramref name="lifetime"/>.</summary>
    Task<ReadLink> IssueReadLinkAsync(string agencyId, int year, int version, TimeSpan lifetime, CancellationToken cancellationToken);
}
