namespace CulturalServerless.Application.Assessments;

/// <summary>
/// The official report of one assessment version: the snapshot it is rendered from and, once
/// rendered and signed, where the PDF is and what it is.
/// </summary>
public sealed record VersionReport
{
    public required ReportState State { get; init; }

    /// <summary>Blob path (container/name) of the scored snapshot the renderer reads.</summary>
    public required string RequestPath { get; init; }

    public string? BlobPath { get; init; }
    public string? Sha256 { get; init; }
    public long? Size { get; init; }
    public string? DocumentNumber { get; init; }
    public DateTimeOffset? SignedAt { get; init; }

    /// <summary>SHA-256 thumbprint of the certificate that signed it: "ours" for this report, even after the certificate is renewed.</summary>
    public string? CertificateThumbprint { get; init; }
    public string? FailureReason { get; init; }

    /// <summary>When the render was last requested (the submission, a reconciler run or an admin's retry); older documents lack it and use the version's submittedAt.</summary>
    public DateTimeOffset? RequestedAt { get; init; }

    /// <summary>Renders tried and failed since the last request by an admin (0 until one fails).</summary>
    public int Attempts { get; init; }

    /// <summary>
    /// When the reconciler may try a failed render again; null when none is due: not failed, or
    /// failed for good after <c>Reports__MaxRenderAttempts</c> (then only an admin's retry renders it).
    /// </summary>
    public DateTimeOffset? RetryAt { get; init; }
}
