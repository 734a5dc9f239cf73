using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// The certificate authorities the system trusts: those that issue its signers' certificates
/// (<c>Signing__CaCertificates</c>: the development CA locally; the specialised public-service CA
/// in Azure) and those behind the time-stamping authorities (<c>Signing__TimestampCaCertificates</c>).
/// Root certificates anchor chains; intermediate ones configured here only help build them.
/// </summary>
public sealed class SignatureTrust
{
    public const string SignerAuthoritiesSetting = "Signing__CaCertificates";
    public const string TimestampAuthoritiesSetting = "Signing__TimestampCaCertificates";

    public SignatureTrust(X509Certificate2Collection signerAuthorities, X509Certificate2Collection timestampAuthorities)
    {
        ArgumentNullException.ThrowIfNull(signerAuthorities);
        ArgumentNullException.ThrowIfNull(timestampAuthorities);
        SignerAuthorities = signerAuthorities;
        TimestampAuthorities = timestampAuthorities;
    }

    public X509Certificate2Collection SignerAuthorities { get; }

    public X509Certificate2Collection TimestampAuthorities { get; }

    /// <summary>The settings' values as <see cref="CertificateSet.Parse"/> reads them.</summary>
    public static SignatureTrust Parse(string? signerAuthorities, string? timestampAuthorities) =>
        new(CertificateSet.Parse(signerAuthorities, SignerAuthoritiesSetting),
            CertificateSet.Parse(timestampAuthorities, TimestampAuthoritiesSetting));
}
