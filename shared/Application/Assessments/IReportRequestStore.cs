namespace CulturalServerless.Application.Assessments;

/// <summary>Where report-request snapshots are written for the renderer, one per assessment version.</summary>
public interface IReportRequestStore
{
    /// <summary>The path (container/name) at which a version's snapshot is written.</summary>
    string PathOf(string agencyId, int year, int version);

    /// <summary>Writes the snapshot at its deterministic path unless it is there already; its path.</summary>
    Task<string> EnsureWrittenAsync(ReportRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the snapshot at its deterministic path, over one that is there: a new blob version,
    /// which sets the renderer off again (Event Grid's BlobCreated; a new ETag for a polling host). Its path.
    /// </summary>
    Task<string> RewriteAsync(ReportRequest request, CancellationToken cancellationToken);

    /// <summary>The snapshot of that name in the report-requests container.</summary>
    Task<ReportRequest> ReadAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// The snapshot of that name, or null when there is none or it is not a snapshot (not JSON, or
    /// not of this shape); a storage failure still throws.
    /// </summary>
    Task<ReportRequest?> TryReadAsync(string name, CancellationToken cancellationToken);
}
