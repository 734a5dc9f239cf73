namespace CulturalServerless.Storage.Blobs;

/// <summary>Blob containers of the app: the report-rendering trigger watches the first.</summary>
public static class BlobContainers
{
    /// <summary>JSON snapshots of scored assessments, the input of report rendering.</summary>
    public const string ReportRequests = "report-requests";

    /// <summary>Signed PDF reports.</summary>
    public const string Reports = "reports";

    public static IReadOnlyList<string> All { get; } = [ReportRequests, Reports];
}
