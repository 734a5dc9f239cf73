namespace CulturalServerless.Reports.Signing;

/// <summary>
/// The outcome of checking a report's signature. Valid means: the file is exactly what was signed
/// (every byte but the signature itself is covered and unchanged) and the signature was made with
/// the key of the embedded certificate. Whether that certificate is trusted (issued by the
/// government CA to the right person) is a separate question, answered from the subject and
/// thumbprint reported here.
/// </summary>
public sealed record ReportSignatureVerification(
    bool IsValid,
    string? Problem,
    string? SignerSubject,
    DateTimeOffset? SigningTime,
    string? CertificateThumbprint)
{
    internal static ReportSignatureVerification Invalid(string problem) => new(false, problem, null, null, null);
}
