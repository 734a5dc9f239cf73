using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// Where the signing certificate (with its private key) comes from: Key Vault in Azure, a PFX
/// file on a workstation, a generated one in development and tests. The source owns the
/// certificate and may hand out the same instance to every caller.
/// </summary>
public interface ISigningCertificateSource
{
    ValueTask<X509Certificate2> GetCertificateAsync(CancellationToken cancellationToken);
}
