using CulturalServerless.Reports.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Signing__Certificates__agency_x_signs_that_agencys_reports_and_others_get_the_systems()
    {
        var pki = DevelopmentPki.Shared;
        using var own = pki.Issue("Văn phòng UBND tỉnh Quảng Ngãi", "Văn phòng UBND tỉnh Quảng Ngãi");
        var ownPfx = Path.Combine(pki.Directory, $"agency-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(ownPfx, own.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, string.Empty));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Signing:PfxPath"] = pki.PfxPath,
            ["Signing:PfxPassword"] = string.Empty,
            ["Signing:CaCertificates"] = pki.CaPath,
            ["Signing:TimestampCaCertificates"] = pki.CaPath,
            ["Signing:TimestampUrl"] = pki.TimestampUrl.ToString(),
            ["Signing:Certificates:agency_vp_ubnd_quang_ngai"] = ownPfx,
        }).Build();
        await using var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddReportSigning(configuration)
            .BuildServiceProvider();
        var signer = services.GetRequiredService<ReportSigner>();

        using var agencyReport = new ReportRenderer().Compose(Fixtures.SeedReport.Build());
        var agencys = await signer.SignReportAsync(agencyReport, SigningIssuer.Agency("vp-ubnd-quang-ngai", "51"));
        using var otherReport = new ReportRenderer().Compose(Fixtures.SeedReport.Build());
        var others = await signer.SignReportAsync(otherReport, SigningIssuer.Agency("so-vhttdl-quang-ngai", "51"));

        Assert.Equal(CertificateThumbprints.Of(own), agencys.CertificateThumbprint);
        Assert.Equal(CertificateThumbprints.Of(await pki.SigningCertificate().GetCertificateAsync(CancellationToken.None)), others.CertificateThumbprint);
        var verifier = services.GetRequiredService<ReportSignatureVerifier>();
        Assert.True(verifier.Verify(agencys.Pdf).IsValid);
        Assert.Equal(agencys.CertificateThumbprint, verifier.Verify(agencys.Pdf).CertificateThumbprint);
        Assert.True(verifier.Verify(others.Pdf).IsValid);
    }

    private sealed class StubSource : ISigningCertificateSource
    {
        public ValueTask<System.Security.Cryptography.X509Certificates.X509Certificate2> GetCertificateAsync(CancellationToken cancellationToken) =>
            throw new NotSupportedException("Only chosen, never asked.");
    }
}
