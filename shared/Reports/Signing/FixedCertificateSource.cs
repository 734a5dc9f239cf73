using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>A certificate the host has already loaded (from Key Vault, a secret store, a test).</summary>
public sealed class FixedCertificateSource : ISigningCertificateSource
{
    private readonly X509Certificate2 _certificate;

    public FixedCertificateSource(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException("A signing certificate needs its private key.", nameof(certificate));
        }

        _certificate = certificate;
    }

    public ValueTask<X509Certificate2> GetCertificateAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_certificate);
}
