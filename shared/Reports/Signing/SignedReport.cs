namespace CulturalServerless.Reports.Signing;

/// <summary>
/// A signed report and what to record about its signature: the certificate it was signed with
/// (SHA-256 thumbprint, subject), the time it claims (/M, the visible stamp) and the time the TSA
/// certified.
/// </summary>
public sealed record SignedReport(
    byte[] Pdf,
    string CertificateThumbprint,
    string SignerSubject,
    DateTimeOffset SigningTime,
    DateTimeOffset TimestampTime);
