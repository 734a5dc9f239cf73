using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// A PKCS#12 (.pfx) file, loaded once on first use. The key is kept in memory only
/// (EphemeralKeySet), so nothing is written to a key store on the machine.
/// </summary>
public sealed class PfxFileCertificateSource(string path, string? password) : ISigningCertificateSource, IDisposable
{
    private readonly Lazy<X509Certificate2> _certificate = new(() =>
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The certificate in {path} has no private key.");
    });

    public ValueTask<X509Certificate2> GetCertificateAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_certificate.Value);

    public void Dispose()
    {
        if (_certificate.IsValueCreated)
        {
            _certificate.Value.Dispose();
        }
    }
}
