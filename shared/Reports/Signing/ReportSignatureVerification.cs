namespace CulturalServerless.Reports.Signing;

/// <summary>
/// The outcome of checking a report's signature. Valid means all of: the file is exactly what was
/// signed (every byte but the signature itself is covered and unchanged); the signature was made
/// with the key of the embedded certificate, which the signed signing-certificate-v2 attribute
/// names; that certificate chains to a CA the system trusts; and an RFC 3161 timestamp from a
/// trusted TSA covers the signature value at a time within the certificate's validity.
/// </summary>
public sealed record ReportSignatureVerification(
    bool IsValid,
    string? Problem,
    string? SignerSubject,
    DateTimeOffset? SigningTime,
    string? CertificateThumbprint)
{
    /// <summary>Every reason the signature is not valid (the first is <see cref="Problem"/>).</summary>
    public IReadOnlyList<string> Problems { get; init; } = Problem is null ? [] : [Problem];

    /// <summary>The subject of the TSA whose timestamp <see cref="SigningTime"/> is.</summary>
    public string? TimestampAuthority { get; init; }

    internal static ReportSignatureVerification Invalid(string problem) => new(false, problem, null, null, null);
}
