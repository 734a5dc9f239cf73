using CulturalServerless.Reports.Signing;

namespace CulturalServerless.UnitTests.Reports.Signing;

/// <summary>Which certificate signs for whom: the agency's own, else its committee's (nearest first), else the system's.</summary>
public sealed class SigningIssuerTests
{
    [Fact]
    public void An_agency_looks_for_its_own_certificate_then_its_committees_from_the_nearest_up()
    {
        var issuer = SigningIssuer.Agency("vp-ubnd-quang-ngai", "51.522");

        Assert.Equal(["agency_vp_ubnd_quang_ngai", "committee_51.522", "committee_51"], issuer.CertificateKeys);
        Assert.Equal(["committee_51"], SigningIssuer.Committee("51").CertificateKeys);
        Assert.Empty(SigningIssuer.System.CertificateKeys);
    }

    [Fact]
    public void The_most_specific_configured_certificate_wins_and_the_system_one_is_the_fallback()
    {
        var system = new StubSource();
        var agency = new StubSource();
        var province = new StubSource();
        var certificates = new SigningCertificates(system, new Dictionary<string, ISigningCertificateSource>
        {
            ["agency_vp_ubnd_quang_ngai"] = agency,
            ["committee_51"] = province,
        });

        Assert.Same(agency, certificates.For(SigningIssuer.Agency("vp-ubnd-quang-ngai", "51.522")).Source);
        Assert.Equal(("committee_51"), certificates.For(SigningIssuer.Agency("so-vhttdl-quang-ngai", "51.522")).Key);
        Assert.Same(province, certificates.For(SigningIssuer.Agency("so-vhttdl-quang-ngai", "51.522")).Source);
        Assert.Same(system, certificates.For(SigningIssuer.Agency("so-vhttdl-binh-dinh", "52")).Source);
        Assert.Same(system, certificates.For(SigningIssuer.System).Source);
    }

    private sealed class StubSource : ISigningCertificateSource
    {
        public ValueTask<System.Security.Cryptography.X509Certificates.X509Certificate2> GetCertificateAsync(CancellationToken cancellationToken) =>
            throw new NotSupportedException("Only chosen, never asked.");
    }
}
