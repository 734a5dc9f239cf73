using CulturalServerless.Application.Assessments;

namespace CulturalServerless.Application.Reports;

/// <summary>The one way a document record (a report's, a decision's) takes in what was stored for it.</summary>
public static class SignedDocuments
{
    /// <summary><paramref name="report"/> ready with the stored document's path, hash, size, number, time and certificate; no failure, no retry.</summary>
    public static VersionReport Ready(this VersionReport report, StoredReport stored) => report with
    {
        State = ReportState.Ready,
        BlobPath = stored.BlobPath,
        Sha256 = stored.Sha256,
        Size = stored.Size,
        DocumentNumber = stored.DocumentNumber,
        SignedAt = stored.SignedAt,
        CertificateThumbprint = stored.CertificateThumbprint,
        FailureReason = null,
        RetryAt = null,
    };
}
