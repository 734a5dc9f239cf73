namespace CulturalServerless.Application.Assessments;

/// <summary>Where report-request snapshots are written for the renderer, one per assessment version.</summary>
public interface IReportRequestStore
{
    /// <summary>The path (container/name) at which a version's snapshot is written.</summary>
    string PathOf(string agencyId, int year, int version);

    /// <summary>Writes the snapshot at its deterministic path unless it is there already; its path.</summary>
    Task<string> EnsureWrittenAsync(ReportRequest request, CancellationToken cancellationToken);

    /// <summary>The snapshot of that name in the report-requests container.</summary>
    Task<ReportRequest> ReadAsync(string name, CancellationToken cancellationToken);
}
