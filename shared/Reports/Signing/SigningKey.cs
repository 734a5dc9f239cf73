using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// What one signature is made with: the signer's certificate (its public part), the CA certificates
/// that came with it, and a way to reach its private key — in this process, or in Key Vault.
/// </summary>
public sealed class SigningKey
{
    private readonly Func<AsymmetricAlgorithm> _openPrivateKey;

    public SigningKey(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> issuers, Func<AsymmetricAlgorithm> openPrivateKey)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(issuers);
        ArgumentNullException.ThrowIfNull(openPrivateKey);
        Certificate = certificate;
        Issuers = issuers;
        _openPrivateKey = openPrivateKey;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>CA certificates that came with the signer's (a PFX's chain); more may come from the trust settings.</summary>
    public IReadOnlyList<X509Certificate2> Issuers { get; }

    /// <summary>
    /// The private key for one signature, to be disposed by the caller: left to the finalizer, one
    /// native key handle per report piles up under load.
    /// </summary>
    public AsymmetricAlgorithm OpenPrivateKey() => _openPrivateKey();

    /// <summary>A certificate whose private key is in this process (a PFX, a generated certificate).</summary>
    public static SigningKey InProcess(X509Certificate2 certificate, IReadOnlyList<X509Certificate2>? issuers = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey)
        {
            throw new SigningCertificateException($"The signing certificate {certificate.Subject} has no private key in this process.");
        }

        return new SigningKey(certificate, issuers ?? [], () =>
            (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey()
            ?? certificate.GetECDsaPrivateKey()
            ?? throw new SigningCertificateException($"The signing certificate {certificate.Subject} has no RSA or ECDSA private key."));
    }
}
