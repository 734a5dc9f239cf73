using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using CulturalServerless.Reports.Signing;

namespace CulturalServerless.UnitTests.Reports.Signing;

/// <summary>
/// The CMS written by <see cref="CmsSignedDataWriter"/>, read back by <see cref="SignedCms"/>: the
/// signature checks, and the certificate, signing time and digest are the ones given.
/// </summary>
public sealed class CmsDigitalSignerTests : IDisposable
{
    private static readonly DateTimeOffset SigningTime = new(2022, 11, 15, 2, 30, 0, TimeSpan.Zero);

    // About the size of the seed report's signed ranges.
    private static readonly byte[] Content = new Random(15).GetItems<byte>([.. Enumerable.Range(0, 256).Select(b => (byte)b)], 118 * 1024);

    private readonly SelfSignedCertificateSource _rsa = new("Vũ Minh Tâm", "Văn phòng UBND tỉnh Quảng Ngãi");
    private readonly X509Certificate2 _ecdsa = CreateEcdsaCertificate();

    public void Dispose()
    {
        _rsa.Dispose();
        _ecdsa.Dispose();
    }

    [Fact]
    public async Task An_RSA_signature_decodes_and_checks_with_its_certificate_time_and_digest()
    {
        var cms = await SignAndDecodeAsync(_rsa.Certificate, SigningTime);

        AssertSignedAsGiven(cms, _rsa.Certificate, "1.2.840.113549.1.1.1");
        Assert.Equal(SigningTime, ReadSigningTime(cms.SignerInfos[0]));
    }

    [Fact]
    public async Task An_ECDSA_P256_signature_decodes_and_checks_with_its_certificate_time_and_digest()
    {
        var cms = await SignAndDecodeAsync(_ecdsa, SigningTime);

        AssertSignedAsGiven(cms, _ecdsa, "1.2.840.10045.4.3.2");
        Assert.Equal(SigningTime, ReadSigningTime(cms.SignerInfos[0]));
    }

    [Fact]
    public async Task A_one_byte_change_of_the_content_fails_the_check()
    {
        foreach (var certificate in new[] { _rsa.Certificate, _ecdsa })
        {
            var encoded = await new CmsDigitalSigner(certificate, SigningTime).GetSignatureAsync(new MemoryStream(Content));
            var changed = (byte[])Content.Clone();
            changed[Content.Length / 2] ^= 0x01;
            var cms = new SignedCms(new ContentInfo(changed), detached: true);
            cms.Decode(encoded);

            Assert.ThrowsAny<CryptographicException>(() => cms.CheckSignature(verifySignatureOnly: true));
        }
    }

    [Fact]
    public async Task A_signing_time_from_2050_is_a_GeneralizedTime()
    {
        var late = new DateTimeOffset(2051, 3, 1, 8, 0, 0, TimeSpan.Zero);

        var cms = await SignAndDecodeAsync(_rsa.Certificate, late);

        cms.CheckSignature(verifySignatureOnly: true);
        Assert.Equal(late, ReadSigningTime(cms.SignerInfos[0]));
    }

    [Fact]
    public async Task The_signature_fits_the_reserved_room()
    {
        foreach (var certificate in new[] { _rsa.Certificate, _ecdsa })
        {
            var signer = new CmsDigitalSigner(certificate, SigningTime);

            var encoded = await signer.GetSignatureAsync(new MemoryStream(Content));

            Assert.True(encoded.Length <= await signer.GetSignatureSizeAsync(), $"{encoded.Length} bytes");
        }
    }

    // PKCS#1 v1.5 is deterministic: the same signature value means the same signed attributes, byte
    // for byte, as the SignedCms this writer replaced.
    [Fact]
    public async Task An_RSA_signature_signs_the_same_attributes_as_SignedCms()
    {
        var encoded = await new CmsDigitalSigner(_rsa.Certificate, SigningTime).GetSignatureAsync(new MemoryStream(Content));
        var ours = new SignedCms(new ContentInfo(Content), detached: true);
        ours.Decode(encoded);

        using var key = _rsa.Certificate.GetRSAPrivateKey()!;
        var before = new SignedCms(new ContentInfo(Content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, _rsa.Certificate, key)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(SigningTime.UtcDateTime));
        before.ComputeSignature(signer, silent: true);

        Assert.Equal(before.SignerInfos[0].GetSignature(), ours.SignerInfos[0].GetSignature());
        // The one difference: the NULL parameters of rsaEncryption, which SignedCms leaves out.
        Assert.Equal(before.Encode().Length + 2, encoded.Length);
    }

    private static async Task<SignedCms> SignAndDecodeAsync(X509Certificate2 certificate, DateTimeOffset signingTime)
    {
        var encoded = await new CmsDigitalSigner(certificate, signingTime).GetSignatureAsync(new MemoryStream(Content));
        var cms = new SignedCms(new ContentInfo(Content), detached: true);
        cms.Decode(encoded);
        return cms;
    }

    private static void AssertSignedAsGiven(SignedCms cms, X509Certificate2 certificate, string signatureAlgorithm)
    {
        cms.CheckSignature(verifySignatureOnly: true);
        Assert.Equal(1, cms.Version);
        var embedded = Assert.Single(cms.Certificates);
        Assert.Equal(certificate.RawData, embedded.RawData);
        var signer = Assert.Single(cms.SignerInfos.Cast<SignerInfo>());
        Assert.Equal(SubjectIdentifierType.IssuerAndSerialNumber, signer.SignerIdentifier.Type);
        Assert.Equal(certificate.RawData, signer.Certificate!.RawData);
        Assert.Equal("2.16.840.1.101.3.4.2.1", signer.DigestAlgorithm.Value);
        Assert.Equal(signatureAlgorithm, signer.SignatureAlgorithm.Value);
        var digest = signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .SelectMany(attribute => attribute.Values.Cast<AsnEncodedData>())
            .OfType<Pkcs9MessageDigest>()
            .Single();
        Assert.Equal(SHA256.HashData(Content), digest.MessageDigest);
    }

    // Read from the attribute's DER, as Pkcs9SigningTime does not read a GeneralizedTime.
    private static DateTimeOffset ReadSigningTime(SignerInfo signer)
    {
        var attribute = signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Single(attribute => attribute.Oid.Value == "1.2.840.113549.1.9.5");
        var reader = new AsnReader(Assert.Single(attribute.Values.Cast<AsnEncodedData>()).RawData, AsnEncodingRules.DER);
        return reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
    }

    // A serial with its top bit set, so its DER INTEGER has a leading zero the writer must keep.
    private static X509Certificate2 CreateEcdsaCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCountryOrRegion("VN");
        builder.AddOrganizationName("Sở Văn hóa, Thể thao và Du lịch");
        builder.AddCommonName("Nguyễn Thị Lan");
        var name = builder.Build();
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(
            name, X509SignatureGenerator.CreateForECDsa(key), now.AddMinutes(-5), now.AddYears(1), [0x80, 0x01, 0x02, 0x03]);
        return certificate.CopyWithPrivateKey(key);
    }
}
