using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>The one form of certificate thumbprint the system records and compares: SHA-256, hex, as the verifier reports it.</summary>
public static class CertificateThumbprints
{
    public static string Of(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    public static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
