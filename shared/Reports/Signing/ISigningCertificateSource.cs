using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// Where a signing certificate and its key live: Key Vault in Azure (the key never leaves it), a
/// PFX file on a workstation, a generated one in development and tests. A source may hand out the
/// same instances to every caller, and picks up a renewed certificate by itself.
/// </summary>
public interface ISigningCertificateSource
{
    /// <summary>
    /// The certificate reports are signed with now. Sources whose key stays elsewhere (Key Vault)
    /// give its public part only: read it for the subject and thumbprint, sign through
    /// <see cref="GetSigningKeyAsync"/>.
    /// </summary>
    ValueTask<X509Certificate2> GetCertificateAsync(CancellationToken cancellationToken);

    /// <summary>The certificate with the way to its private key and the CA certificates that came with it.</summary>
    async ValueTask<SigningKey> GetSigningKeyAsync(CancellationToken cancellationToken) =>
        SigningKey.InProcess(await GetCertificateAsync(cancellationToken).ConfigureAwait(false));
}
