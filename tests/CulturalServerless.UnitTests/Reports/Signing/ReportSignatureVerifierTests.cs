using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using CulturalServerless.Reports.Signing;

namespace CulturalServerless.UnitTests.Reports.Signing;

/// <summary>
/// What the verifier refuses, each with its reason: a timestamp that is not this signature's, none
/// at all, a signer or TSA from a CA the system does not trust, a timestamp outside the signer's
/// validity, a signing-time attribute; and malformed certificates and times answered, not thrown.
/// Each case re-signs the /Contents of a real signed report over its very bytes.
/// </summary>
public sealed class ReportSignatureVerifierTests
{
    private readonly DevelopmentPki _pki = DevelopmentPki.Shared;

    [Fact]
    public async Task A_signature_made_over_the_same_bytes_with_the_development_PKI_verifies()
    {
        using var certificate = _pki.Issue("Re-signer");

        var result = _pki.Verifier().Verify(await ResignAsync(await SignedPdfs.SeedAsync(), certificate));

        Assert.True(result.IsValid, string.Join(" | ", result.Problems));
    }

    [Fact]
    public async Task A_timestamp_taken_from_another_signature_is_refused()
    {
        var pdf = await SignedPdfs.SeedAsync();
        using var certificates = _pki.SigningCertificate();
        var other = SignedPdfs.Cms(await SignedPdfs.SignSeedAsync(certificates));
        var cms = SignedPdfs.Cms(pdf);
        var signer = cms.SignerInfos[0];
        signer.RemoveUnsignedAttribute(signer.UnsignedAttributes[0].Values[0]);
        cms.SignerInfos[0].AddUnsignedAttribute(other.SignerInfos[0].UnsignedAttributes[0].Values[0]);

        var result = _pki.Verifier().Verify(SignedPdfs.WithSignature(pdf, cms.Encode()));

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, problem => problem == "The signature timestamp covers another signature: its message imprint is not this signature value's.");
        // The document itself is intact: only the timestamp is wrong.
        Assert.DoesNotContain(result.Problems, problem => problem.StartsWith("The signature does not match", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_timestamp_token_changed_after_the_TSA_signed_it_is_refused()
    {
        var pdf = await SignedPdfs.SeedAsync();
        var cms = SignedPdfs.Cms(pdf);
        var token = cms.SignerInfos[0].UnsignedAttributes[0].Values[0].RawData.ToArray();
        // TSTInfo's genTime, a 15-character GeneralizedTime: one second later than the TSA said.
        var genTime = token.AsSpan().IndexOf([(byte)0x18, (byte)0x0F]) + 2;
        Assert.True(genTime > 2);
        token[genTime + 13] = (byte)(token[genTime + 13] == (byte)'9' ? '0' : token[genTime + 13] + 1);
        cms.SignerInfos[0].RemoveUnsignedAttribute(cms.SignerInfos[0].UnsignedAttributes[0].Values[0]);
        cms.SignerInfos[0].AddUnsignedAttribute(new AsnEncodedData("1.2.840.113549.1.9.16.2.14", token));

        var result = _pki.Verifier().Verify(SignedPdfs.WithSignature(pdf, cms.Encode()));

        Assert.Equal(["The signature timestamp is not a valid RFC 3161 token: unreadable, or changed since the TSA signed it."], result.Problems);
    }

    [Fact]
    public async Task A_signature_without_a_timestamp_is_refused()
    {
        var pdf = await SignedPdfs.SeedAsync();
        var cms = SignedPdfs.Cms(pdf);
        cms.SignerInfos[0].RemoveUnsignedAttribute(cms.SignerInfos[0].UnsignedAttributes[0].Values[0]);

        var result = _pki.Verifier().Verify(SignedPdfs.WithSignature(pdf, cms.Encode()));

        Assert.False(result.IsValid);
        Assert.Contains("The signature has no timestamp (PAdES B-T requires an RFC 3161 signature timestamp).", result.Problems);
    }

    [Fact]
    public async Task A_report_signed_under_a_foreign_CA_is_refused_even_with_a_good_timestamp()
    {
        using var foreign = DevelopmentPki.ForeignAuthority("Foreign CA");
        using var certificate = DevelopmentPki.IssueFrom(foreign, "Foreign signer", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var foreignTrust = new SignatureTrust([foreign], _pki.Trust.TimestampAuthorities);
        using var composed = new ReportRenderer().Compose(Fixtures.SeedReport.Build());
        var pdf = await new ReportSigner(new FixedCertificateSource(certificate), _pki.TimestampAuthority, foreignTrust, TimeProvider.System)
            .SignAsync(composed);

        var result = _pki.Verifier().Verify(pdf);

        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("The signer's certificate is not issued by a CA this system trusts", problem, StringComparison.Ordinal);
        Assert.True(new ReportSignatureVerifier(foreignTrust).Verify(pdf).IsValid);
    }

    [Fact]
    public async Task A_timestamp_from_a_TSA_under_a_CA_we_do_not_trust_is_refused()
    {
        using var foreign = DevelopmentPki.ForeignAuthority("Foreign TSA CA");

        var result = new ReportSignatureVerifier(new SignatureTrust(_pki.Trust.SignerAuthorities, [foreign])).Verify(await SignedPdfs.SeedAsync());

        Assert.False(result.IsValid);
        Assert.StartsWith("The timestamp authority CN=CulturalServerless development TSA", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timestamp_outside_the_signer_certificate_validity_is_refused()
    {
        var now = DateTimeOffset.UtcNow;
        using var notYetValid = _pki.Issue("Tomorrow's signer", now.AddDays(1), now.AddYears(1));

        var result = _pki.Verifier().Verify(await ResignAsync(await SignedPdfs.SeedAsync(), notYetValid));

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, problem => problem.Contains("outside its certificate's validity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signing_time_attribute_is_reported_and_a_malformed_one_is_answered_not_thrown()
    {
        using var certificate = _pki.Issue("Old-style signer");
        var pdf = await SignedPdfs.SeedAsync();

        var wellFormed = _pki.Verifier().Verify(await ResignAsync(pdf, certificate,
            signer => signer.SignedAttributes.Add(new Pkcs9SigningTime(DateTime.UtcNow))));
        var malformed = _pki.Verifier().Verify(await ResignAsync(pdf, certificate,
            signer => signer.SignedAttributes.Add(new AsnEncodedData("1.2.840.113549.1.9.5", [0x04, 0x01, 0xFF]))));

        const string Expected = "The signature carries a signing-time attribute, which PAdES baseline signatures must not.";
        Assert.Equal([Expected], wellFormed.Problems);
        Assert.Equal([Expected], malformed.Problems);
    }

    [Fact]
    public async Task A_malformed_embedded_certificate_is_answered_not_thrown()
    {
        var pdf = await SignedPdfs.SeedAsync();
        var located = SignedPdfs.Locate(pdf);
        using var signerCertificate = SignedPdfs.Cms(pdf).SignerInfos[0].Certificate!;
        var cms = located.Cms.ToArray();
        var at = cms.AsSpan().IndexOf(signerCertificate.RawData);
        // TBSCertificate's "[0] version" becomes an OCTET STRING of the same length: every DER
        // length around it still holds, but it is no longer a certificate.
        Assert.Equal(0xA0, cms[at + 8]);
        cms[at + 8] = 0x04;

        var result = _pki.Verifier().Verify(SignedPdfs.WithSignature(pdf, cms));

        Assert.False(result.IsValid);
        Assert.NotNull(result.Problem);
    }

    // The PDF's /Contents re-signed over its own signed bytes, as a signer could, with CmsSigner.
    private async Task<byte[]> ResignAsync(byte[] pdf, X509Certificate2 certificate, Action<CmsSigner>? configure = null)
    {
        var cms = new SignedCms(new ContentInfo(SignedPdfs.SignedContent(pdf)), detached: true);
        using var key = certificate.GetRSAPrivateKey()!;
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate, key)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.Add(_pki.Authority);
        signer.SignedAttributes.Add(EssSigningCertificateV2.For(certificate));
        configure?.Invoke(signer);
        cms.ComputeSignature(signer, silent: true);
        var token = await _pki.TimestampAuthority.TimestampAsync(
            Rfc3161TimestampRequest.CreateFromSignerInfo(cms.SignerInfos[0], HashAlgorithmName.SHA256, requestSignerCertificates: true),
            CancellationToken.None);
        cms.SignerInfos[0].AddUnsignedAttribute(new AsnEncodedData("1.2.840.113549.1.9.16.2.14", token.AsSignedCms().Encode()));
        return SignedPdfs.WithSignature(pdf, cms.Encode());
    }
}
