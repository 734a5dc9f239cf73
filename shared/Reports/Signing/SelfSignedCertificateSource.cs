using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// A throw-away self-signed RSA certificate made in memory, for development and tests: signatures
/// it makes are intact and checkable, but trusted by nobody. Never committed, never persisted.
/// </summary>
public sealed class SelfSignedCertificateSource : ISigningCertificateSource, IDisposable
{
    private readonly X509Certificate2 _certificate;

    public SelfSignedCertificateSource(string commonName, string organisation, TimeProvider? clock = null)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        using var key = RSA.Create(2048);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("VN");
        subject.AddOrganizationName(organisation);
        subject.AddCommonName(commonName);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        _certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
    }

    public X509Certificate2 Certificate => _certificate;

    public ValueTask<X509Certificate2> GetCertificateAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_certificate);

    public void Dispose() => _certificate.Dispose();
}
