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
}
