using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// A PKCS#12 (.pfx) file, loaded once on first use: the certificate with its private key, and the
/// CA certificates in the file (embedded in every signature as its chain). The key is kept in
/// memory only (EphemeralKeySet), so nothing is written to a key store on the machine.
/// </summary>
public sealed class PfxFileCertificateSource : ISigningCertificateSource, IDisposable
{
    private readonly Lazy<(X509Certificate2 Certificate, X509Certificate2[] Issuers)> _contents;

    public PfxFileCertificateSource(string path, string? password)
    {
        _contents = new(() =>
        {
            var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            var withKey = all.Where(certificate => certificate.HasPrivateKey).ToList();
            if (withKey.Count != 1)
            {
                throw new SigningCertificateException(
                    $"The PFX file {path} must hold one certificate with its private key; it holds {withKey.Count}.");
            }

            return (withKey[0], all.Where(certificate => !certificate.HasPrivateKey).ToArray());
        });
    }

    public ValueTask<X509Certificate2> GetCertificateAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_contents.Value.Certificate);

    public ValueTask<SigningKey> GetSigningKeyAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(SigningKey.InProcess(_contents.Value.Certificate, _contents.Value.Issuers));

    public void Dispose()
    {
        if (!_contents.IsValueCreated)
        {
            return;
        }

        _contents.Value.Certificate.Dispose();
        foreach (var issuer in _contents.Value.Issuers)
        {
            issuer.Dispose();
        }
    }
}
