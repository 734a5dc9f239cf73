using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CulturalServerless.Reports.Signing;

namespace CulturalServerless.UnitTests.Reports.Signing;

/// <summary>The signer's reuse of trusted paths: never past a certificate's validity, never with certificates the caller did not bring, never for a refusal; the caller's certificates asked for only when needed.</summary>
public sealed class TrustedPathCacheTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private readonly DevelopmentPki _pki = DevelopmentPki.Shared;

    [Fact]
    public void A_reused_path_is_made_of_the_callers_own_certificates()
    {
        var cache = new TrustedPathCache(_pki.Trust.SignerAuthorities);
        using var signer = _pki.Issue("Path cache signer");
        Assert.True(cache.Build(signer, () => [], Now).Trusted);

        // The certificate a renewed source hands out: the same bytes in another instance.
        using var again = X509CertificateLoader.LoadCertificate(signer.RawData);
        var path = cache.Build(again, () => [], Now.AddMinutes(1));

        Assert.True(path.Trusted);
        Assert.Same(again, path.Certificates[0]);
        Assert.Equal(_pki.Authority.RawData, path.Certificates[1].RawData);
    }

    [Fact]
    public void Past_the_certificates_validity_the_path_is_built_again_and_refused()
    {
        var cache = new TrustedPathCache(_pki.Trust.SignerAuthorities);
        using var signer = _pki.Issue("Path cache short-lived signer", Now.AddDays(-1), Now.AddDays(1));
        Assert.True(cache.Build(signer, () => [], Now).Trusted);

        var path = cache.Build(signer, () => [], Now.AddDays(2));

        Assert.False(path.Trusted);
        Assert.NotNull(path.Problem);
    }

    [Fact]
    public void A_path_needs_the_issuers_from_each_caller_and_a_refusal_is_not_kept()
    {
        var cache = new TrustedPathCache(_pki.Trust.SignerAuthorities);
        using var intermediate = IssueIntermediate(_pki.Authority);
        using var signer = DevelopmentPki.IssueFrom(intermediate, "Path cache signer under an intermediate", Now.AddDays(-1), Now.AddYears(1));

        Assert.False(cache.Build(signer, () => [], Now).Trusted);
        var withIssuer = cache.Build(signer, () => [intermediate], Now);
        var withoutIssuer = cache.Build(signer, () => [], Now);

        Assert.True(withIssuer.Trusted, withIssuer.Problem);
        Assert.Equal(3, withIssuer.Certificates.Count);
        Assert.False(withoutIssuer.Trusted);
    }

    [Fact]
    public void The_callers_certificates_are_asked_for_only_when_the_kept_path_needs_one_of_them()
    {
        var cache = new TrustedPathCache(_pki.Trust.SignerAuthorities);
        using var intermediate = IssueIntermediate(_pki.Authority);
        using var direct = _pki.Issue("Path cache signer issued by the anchor");
        using var underIntermediate = DevelopmentPki.IssueFrom(intermediate, "Path cache signer two levels down", Now.AddDays(-1), Now.AddYears(1));
        var asked = 0;
        IEnumerable<X509Certificate2> Candidates()
        {
            asked++;
            return [intermediate];
        }

        Assert.True(cache.Build(direct, Candidates, Now).Trusted);
        Assert.True(cache.Build(underIntermediate, Candidates, Now).Trusted);
        Assert.Equal(2, asked);

        Assert.True(cache.Build(direct, Candidates, Now).Trusted);
        Assert.Equal(2, asked);
        var kept = cache.Build(underIntermediate, Candidates, Now);
        Assert.True(kept.Trusted);
        Assert.Same(intermediate, kept.Certificates[1]);
        Assert.Equal(3, asked);
    }

    private static X509Certificate2 IssueIntermediate(X509Certificate2 authority)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Path cache intermediate CA, O=CulturalServerless tests, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        using var authorityKey = authority.GetRSAPrivateKey()!;
        using var issued = request.Create(authority.SubjectName, X509SignatureGenerator.CreateForRSA(authorityKey, RSASignaturePadding.Pkcs1),
            Now.AddDays(-1), Now.AddYears(2), RandomNumberGenerator.GetBytes(16).Select((b, i) => i == 0 ? (byte)(b & 0x7F) : b).ToArray());
        return issued.CopyWithPrivateKey(key);
    }
}
