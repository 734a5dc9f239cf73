using System.Security.Cryptography.X509Certificates;
using Azure.Security.KeyVault.Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// The signing certificate kept in Azure Key Vault, read with the app's managed identity
/// (Key Vault Certificate User + Secrets User: the private key is served as the certificate's secret).
/// Downloaded once and kept in memory; a renewed certificate is picked up when the app restarts.
/// </summary>
public sealed class KeyVaultCertificateSource(CertificateClient client, string certificateName) : ISigningCertificateSource, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private X509Certificate2? certificate;

    public async ValueTask<X509Certificate2> GetCertificateAsync(CancellationToken cancellationToken)
    {
        if (certificate is { } loaded) return loaded;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (certificate is null)
            {
                var downloaded = (await client.DownloadCertificateAsync(
                    new DownloadCertificateOptions(certificateName) { KeyStorageFlags = X509KeyStorageFlags.EphemeralKeySet },
                    cancellationToken).ConfigureAwait(false)).Value;
                certificate = downloaded.HasPrivateKey
                    ? downloaded
                    : throw new InvalidOperationException($"Key Vault certificate '{certificateName}' came without its private key.");
            }
            return certificate;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        certificate?.Dispose();
        gate.Dispose();
    }
}
