using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.Signatures;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// Makes the PAdES baseline B-T signature of one PDF for PDFsharp's signature handler: a detached
/// CMS SignedData (SignedCms) over the signed byte ranges, SHA-256, with
/// <list type="bullet">
/// <item>the content-type and message-digest signed attributes SignedCms adds, and ESS
/// signing-certificate-v2; no signing-time (PAdES forbids it: the PDF's /M carries the claimed time);</item>
/// <item>the signer's certificate and its chain up to the issuing CA;</item>
/// <item>an RFC 3161 signature timestamp over the signature value (id-aa-signatureTimeStampToken)
/// as an unsigned attribute — without it nothing is returned.</item>
/// </list>
/// One instance signs one document, written to <see cref="_document"/>.
/// </summary>
internal sealed class CadesDetachedSigner : IDigitalSigner
{
    private const int SignedAttributesRoom = 1024;

    private readonly SigningKey _key;
    private readonly IReadOnlyList<X509Certificate2> _issuers;
    private readonly ITimestampAuthority _timestamps;
    private readonly TrustedPathCache _timestampPaths;
    private readonly MemoryStream _document;
    private readonly DateTimeOffset _claimedTime;
    private readonly int _timestampRoom;
    private readonly CancellationToken _cancellationToken;
    private int _reserved;

    public CadesDetachedSigner(
        SigningKey key, IReadOnlyList<X509Certificate2> issuers, ITimestampAuthority timestamps, TrustedPathCache timestampPaths,
        MemoryStream document, DateTimeOffset claimedTime, int timestampRoom, CancellationToken cancellationToken)
    {
        _key = key;
        _issuers = issuers;
        _timestamps = timestamps;
        _timestampPaths = timestampPaths;
        _document = document;
        _claimedTime = claimedTime;
        _timestampRoom = timestampRoom;
        _cancellationToken = cancellationToken;
    }

    public string CertificateName => _key.Certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    /// <summary>The time the TSA certified, once the signature is made.</summary>
    public DateTimeOffset? TimestampedAt { get; private set; }

    /// <summary>
    /// Room reserved in the file before the signature exists (PDFsharp pads what is left with
    /// zeros inside /Contents): the certificates, the signature value (at most the public key's
    /// length plus framing), the signed attributes and the timestamp token, whose size only the
    /// TSA knows — <see cref="ReportSigner"/> learns it from tokens that did not fit.
    /// </summary>
    public Task<int> GetSignatureSizeAsync()
    {
        var certificates = _key.Certificate.RawData.Length + _issuers.Sum(issuer => issuer.RawData.Length);
        var signature = _key.Certificate.PublicKey.EncodedKeyValue.RawData.Length + 16;
        _reserved = certificates + signature + SignedAttributesRoom + _timestampRoom;
        return Task.FromResult(_reserved);
    }

    public async Task<byte[]> GetSignatureAsync(Stream stream)
    {
        // Before a byte is hashed: the signed ranges must cover the dictionary as it will stay.
        SignatureDictionary.MakePades(_document, _claimedTime);
        var content = ReadSignedRanges(stream);

        var cms = new SignedCms(new ContentInfo(new Oid(SignatureOids.Data), content), detached: true);
        using (var privateKey = _key.OpenPrivateKey())
        {
            var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, _key.Certificate, privateKey)
            {
                DigestAlgorithm = new Oid(SignatureOids.Sha256),
                IncludeOption = X509IncludeOption.EndCertOnly,
            };
            foreach (var issuer in _issuers)
            {
                signer.Certificates.Add(issuer);
            }

            signer.SignedAttributes.Add(EssSigningCertificateV2.For(_key.Certificate));
            cms.ComputeSignature(signer, silent: true);
        }

        var signerInfo = cms.SignerInfos[0];
        var request = Rfc3161TimestampRequest.CreateFromSignerInfo(
            signerInfo, HashAlgorithmName.SHA256, nonce: Nonce(), requestSignerCertificates: true);
        var token = await _timestamps.TimestampAsync(request, _cancellationToken).ConfigureAwait(false);
        // The TSA's certificate is in the token (the request asks for it, and ProcessResponse
        // checks it is there), so no other candidate is given.
        if (!token.VerifySignatureForSignerInfo(signerInfo, out var authority) || authority is null)
        {
            throw new TimestampAuthorityException("The timestamp token's signature does not verify, or it covers another signature.");
        }

        // A report is never issued with a timestamp its own verification would refuse.
        var path = _timestampPaths.Build(authority, () => token.AsSignedCms().Certificates, token.TokenInfo.Timestamp);
        if (!path.Trusted)
        {
            throw new TimestampAuthorityException(
                $"The timestamp authority {authority.Subject} does not chain to a CA in {SignatureTrust.TimestampAuthoritiesSetting}: {path.Problem}.");
        }

        signerInfo.AddUnsignedAttribute(new AsnEncodedData(SignatureOids.SignatureTimeStampToken, token.AsSignedCms().Encode()));
        var encoded = cms.Encode();
        if (encoded.Length > _reserved)
        {
            throw new SignatureRoomException(encoded.Length - _reserved + _timestampRoom, $"The signature is {encoded.Length} bytes, " +
                $"more than the {_reserved} reserved for it: the timestamp token is larger than the {_timestampRoom} bytes allowed. " +
                "The next attempt reserves enough.");
        }

        TimestampedAt = token.TokenInfo.Timestamp;
        return encoded;
    }

    // PDFsharp hands over a stream of the signed ranges that cannot seek; its length is known. It
    // must be read in one call of exactly that length from offset 0: any other read is served one
    // byte at a time (or, at the stream's end, not at all).
    private static byte[] ReadSignedRanges(Stream stream)
    {
        var content = new byte[checked((int)stream.Length)];
        var read = stream.Read(content, 0, content.Length);
        return read == content.Length
            ? content
            : throw new EndOfStreamException($"The signed ranges gave {read} of {content.Length} bytes.");
    }

    // 63 random bits, positive as an INTEGER; the TSA echoes it and the request checks it.
    private static byte[] Nonce()
    {
        var nonce = RandomNumberGenerator.GetBytes(8);
        nonce[0] &= 0x7F;
        return nonce;
    }
}

/// <summary>The signature did not fit the room reserved for it in the file; <see cref="NeededTimestampRoom"/> would have.</summary>
internal sealed class SignatureRoomException(int neededTimestampRoom, string message) : InvalidOperationException(message)
{
    public int NeededTimestampRoom { get; } = neededTimestampRoom;
}
