using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using CulturalServerless.Reports.Signing;
using CulturalServerless.UnitTests.Reports.Fixtures;

namespace CulturalServerless.UnitTests.Reports.Signing;

/// <summary>
/// What makes the signature PAdES baseline B-T, read back from the signed seed report: the
/// signature dictionary, the CMS's signed and unsigned attributes, the embedded chain, the
/// timestamp; and what stops a signature from being made at all.
/// </summary>
public sealed class PadesSignatureTests
{
    private readonly DevelopmentPki _pki = DevelopmentPki.Shared;

    [Fact]
    public async Task The_signature_dictionary_says_ETSI_CAdES_detached()
    {
        var text = SignedPdfs.Text(await SignedPdfs.SeedAsync());

        Assert.Contains("/SubFilter/ETSI.CAdES.detached/M(D:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("adbe.pkcs7", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signed_attributes_are_content_type_message_digest_and_signing_certificate_v2_naming_the_signer()
    {
        var cms = SignedPdfs.Cms(await SignedPdfs.SeedAsync());
        var signer = Assert.Single(cms.SignerInfos.Cast<SignerInfo>());

        var attributes = signer.SignedAttributes.Cast<CryptographicAttributeObject>().Select(attribute => attribute.Oid.Value).Order().ToList();
        Assert.Equal(["1.2.840.113549.1.9.16.2.47", "1.2.840.113549.1.9.3", "1.2.840.113549.1.9.4"], attributes);
        var essV2 = signer.SignedAttributes.Cast<CryptographicAttributeObject>().Single(attribute => attribute.Oid.Value == "1.2.840.113549.1.9.16.2.47");
        Assert.True(EssSigningCertificateV2.Names(essV2.Values[0].RawData, signer.Certificate!, out var problem), problem);
        Assert.Equal("2.16.840.1.101.3.4.2.1", signer.DigestAlgorithm.Value);
        cms.CheckSignature(verifySignatureOnly: true);
    }

    [Fact]
    public async Task The_signer_certificate_and_its_CA_are_embedded()
    {
        var cms = SignedPdfs.Cms(await SignedPdfs.SeedAsync());

        var subjects = cms.Certificates.Select(certificate => certificate.Subject).ToList();
        Assert.Equal(2, subjects.Count);
        Assert.Contains(subjects, subject => subject.Contains("CN=CulturalServerless development signer", StringComparison.Ordinal));
        Assert.Contains(subjects, subject => subject.Contains("CN=CulturalServerless development CA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_unsigned_signature_timestamp_covers_the_signature_value_and_comes_from_the_TSA()
    {
        var cms = SignedPdfs.Cms(await SignedPdfs.SeedAsync());
        var signer = cms.SignerInfos[0];

        var attribute = Assert.Single(signer.UnsignedAttributes.Cast<CryptographicAttributeObject>());
        Assert.Equal("1.2.840.113549.1.9.16.2.14", attribute.Oid.Value);
        Assert.True(Rfc3161TimestampToken.TryDecode(attribute.Values[0].RawData, out var token, out _));
        Assert.Equal(SHA256.HashData(signer.GetSignature()), token!.TokenInfo.GetMessageHash().ToArray());
        Assert.True(token.VerifySignatureForSignerInfo(signer, out var authority));
        Assert.Contains("CN=CulturalServerless development TSA", authority!.Subject, StringComparison.Ordinal);
        Assert.InRange(token.TokenInfo.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task The_signature_fits_the_room_reserved_for_it_with_zero_padding_left()
    {
        var pdf = await SignedPdfs.SeedAsync();
        var located = SignedPdfs.Locate(pdf);

        var room = (located.ByteRange[2] - located.ByteRange[1] - 2) / 2;
        Assert.InRange(located.Cms.Length, 4000, room);
    }

    [Fact]
    public async Task An_ECDSA_P256_certificate_signs_and_verifies_too()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Nguyễn Thị Lan, O=Sở Văn hóa, C=VN", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        var now = DateTimeOffset.UtcNow;
        // A serial with its top bit set: its DER INTEGER carries a leading zero, named as it is in signing-certificate-v2.
        using var authorityKey = _pki.Authority.GetRSAPrivateKey()!;
        using var issued = request.Create(_pki.Authority.SubjectName, X509SignatureGenerator.CreateForRSA(authorityKey, RSASignaturePadding.Pkcs1),
            now.AddDays(-1), now.AddYears(1), [0x80, 0x01, 0x02, 0x03]);
        using var certificate = issued.CopyWithPrivateKey(key);

        var pdf = await SignedPdfs.SignSeedAsync(new FixedCertificateSource(certificate));

        var result = _pki.Verifier().Verify(pdf);
        Assert.True(result.IsValid, string.Join(" | ", result.Problems));
        Assert.Equal("1.2.840.10045.4.3.2", SignedPdfs.Cms(pdf).SignerInfos[0].SignatureAlgorithm.Value);
    }

    [Fact]
    public async Task An_expired_certificate_stops_signing_with_the_date_it_expired()
    {
        var now = DateTimeOffset.UtcNow;
        using var certificate = _pki.Issue("Expired signer", now.AddYears(-2), now.AddDays(-3));

        var exception = await Assert.ThrowsAsync<SigningCertificateException>(() => SignedPdfs.SignSeedAsync(new FixedCertificateSource(certificate)));

        Assert.Contains("CN=Expired signer", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_not_valid_yet_stops_signing()
    {
        var now = DateTimeOffset.UtcNow;
        using var certificate = _pki.Issue("Future signer", now.AddDays(2), now.AddYears(1));

        var exception = await Assert.ThrowsAsync<SigningCertificateException>(() => SignedPdfs.SignSeedAsync(new FixedCertificateSource(certificate)));

        Assert.Contains("is not valid yet", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_from_a_CA_we_do_not_trust_is_refused_before_signing()
    {
        using var foreign = DevelopmentPki.ForeignAuthority("Foreign CA");
        using var certificate = DevelopmentPki.IssueFrom(foreign, "Foreign signer", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

        var exception = await Assert.ThrowsAsync<SigningCertificateException>(() => SignedPdfs.SignSeedAsync(new FixedCertificateSource(certificate)));

        Assert.Contains("does not chain to a CA in Signing__CaCertificates", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timestamp_from_a_TSA_outside_Signing__TimestampCaCertificates_is_refused_before_the_report_is_issued()
    {
        using var foreign = DevelopmentPki.ForeignAuthority("Foreign TSA CA");
        using var certificates = _pki.SigningCertificate();
        using var composed = new ReportRenderer().Compose(SeedReport.Build());
        var signer = new ReportSigner(certificates, _pki.TimestampAuthority, new SignatureTrust(_pki.Trust.SignerAuthorities, [foreign]), TimeProvider.System);

        var exception = await Assert.ThrowsAsync<TimestampAuthorityException>(() => signer.SignAsync(composed));

        Assert.Contains("does not chain to a CA in Signing__TimestampCaCertificates", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timestamp_authority_nobody_listens_at_fails_the_signature_as_unavailable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var exception = await Assert.ThrowsAsync<TimestampAuthorityUnavailableException>(() =>
            SignWithAuthorityAsync(new HttpTimestampAuthority(new Uri($"http://127.0.0.1:{port}/"), new HttpClient())));

        Assert.Contains("cannot be reached", exception.Message, StringComparison.Ordinal);
        Assert.Equal("timestamp authority unavailable", TimestampAuthorityUnavailableException.Reason);
    }

    [Fact]
    public async Task A_timestamp_authority_that_accepts_but_never_answers_fails_within_its_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = silent.AcceptTcpClientAsync();
        var authority = new HttpTimestampAuthority(
            new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/"), new HttpClient(), TimeSpan.FromSeconds(1));

        var exception = await Assert.ThrowsAsync<TimestampAuthorityUnavailableException>(() => SignWithAuthorityAsync(authority));

        Assert.Contains("did not answer within 1 s", exception.Message, StringComparison.Ordinal);
        (await accepted).Dispose();
    }

    [Fact]
    public async Task A_timestamp_authority_answering_a_server_error_fails_the_signature_as_unavailable()
    {
        await using var server = await LoopbackHttp.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });

        var exception = await Assert.ThrowsAsync<TimestampAuthorityUnavailableException>(() =>
            SignWithAuthorityAsync(new HttpTimestampAuthority(server.Url, new HttpClient())));

        Assert.Contains("answered 503", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timestamp_reply_that_is_not_a_token_fails_the_signature()
    {
        await using var server = await LoopbackHttp.StartAsync(async context =>
        {
            context.Response.ContentType = HttpTimestampAuthority.ReplyMediaType;
            await context.Response.Body.WriteAsync(RandomNumberGenerator.GetBytes(64));
        });

        var exception = await Assert.ThrowsAsync<TimestampAuthorityException>(() =>
            SignWithAuthorityAsync(new HttpTimestampAuthority(server.Url, new HttpClient())));

        Assert.IsNotType<TimestampAuthorityUnavailableException>(exception);
        Assert.Contains("gave no timestamp", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timestamp_token_larger_than_the_room_fails_once_and_the_next_signature_makes_room()
    {
        using var certificates = _pki.SigningCertificate();
        var signer = new ReportSigner(new SigningCertificates(certificates), _pki.TimestampAuthority, _pki.Trust, TimeProvider.System, initialTimestampRoom: 16);

        using (var first = new ReportRenderer().Compose(SeedReport.Build()))
        {
            await Assert.ThrowsAsync<SignatureRoomException>(() => signer.SignAsync(first));
        }

        using var second = new ReportRenderer().Compose(SeedReport.Build());
        Assert.True(_pki.Verifier().Verify(await signer.SignAsync(second)).IsValid);
    }

    private async Task SignWithAuthorityAsync(ITimestampAuthority authority)
    {
        using var certificates = _pki.SigningCertificate();
        using var composed = new ReportRenderer().Compose(SeedReport.Build());
        await new ReportSigner(certificates, authority, _pki.Trust, TimeProvider.System).SignAsync(composed);
    }
}
