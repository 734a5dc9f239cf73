using System.Buffers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.Signatures;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// Makes the PDF's adbe.pkcs7.detached signature: a CMS SignedData over the signed byte ranges,
/// SHA-256, with the signing certificate embedded and the signing time as a signed attribute
/// (written by <see cref="CmsSignedDataWriter"/>).
/// </summary>
internal sealed class CmsDigitalSigner(X509Certificate2 certificate, DateTimeOffset signingTime) : IDigitalSigner
{
    public string CertificateName => certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    /// <summary>
    /// Room reserved in the file before the signature exists; the bytes PDFsharp does not use are
    /// zero padding inside the /Contents string.
    /// </summary>
    public Task<int> GetSignatureSizeAsync()
    {
        // An RSA signature is as long as the modulus and an ECDSA one at most two coordinates plus
        // DER framing; the encoded public key is at least that long, and reading its length avoids
        // importing the key (a tenth of the signing time).
        var signatureBytes = certificate.PublicKey.EncodedKeyValue.RawData.Length + 16;
        return Task.FromResult(certificate.RawData.Length + signatureBytes + 2048);
    }

    public Task<byte[]> GetSignatureAsync(Stream stream)
    {
        var signedAttributes = CmsSignedDataWriter.EncodeSignedAttributes(HashSignedRanges(stream), signingTime);
        // The key is fetched and released here: left to the finalizer, one native key handle per
        // report piles up under load.
        using (var rsa = certificate.GetRSAPrivateKey())
        {
            if (rsa is not null)
            {
                var signature = rsa.SignData(signedAttributes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                return Task.FromResult(CmsSignedDataWriter.Encode(certificate, signedAttributes, signedWithEcdsa: false, signature));
            }
        }

        using var ecdsa = certificate.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException("The signing certificate has no usable RSA or ECDSA private key.");
        var ecdsaSignature = ecdsa.SignData(signedAttributes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Task.FromResult(CmsSignedDataWriter.Encode(certificate, signedAttributes, signedWithEcdsa: true, ecdsaSignature));
    }

    // PDFsharp hands over a stream of the signed ranges that cannot seek; its length is known. It
    // must be read in one call of exactly that length from offset 0: any other read is served one
    // byte at a time (or, at the stream's end, not at all). The buffer is pooled: the file is larger
    // than the large-object threshold, and only its digest is kept.
    private static byte[] HashSignedRanges(Stream stream)
    {
        var length = checked((int)stream.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var read = stream.Read(buffer, 0, length);
            if (read != length)
            {
                throw new EndOfStreamException($"The signed ranges gave {read} of {length} bytes.");
            }

            return SHA256.HashData(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
