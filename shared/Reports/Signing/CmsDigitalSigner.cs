using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.Signatures;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// Makes the PDF's adbe.pkcs7.detached signature: a CMS SignedData over the signed byte ranges,
/// SHA-256, with the signing certificate embedded and the signing time as a signed attribute.
/// </summary>
internal sealed class CmsDigitalSigner(X509Certificate2 certificate, DateTimeOffset signingTime) : IDigitalSigner
{
    private static readonly Oid Sha256 = new("2.16.840.1.101.3.4.2.1");

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
        var content = ReadWhole(stream);
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        // The key is fetched and released here: left to the finalizer, one native key handle per
        // report piles up under load.
        using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey()
            ?? certificate.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException("The signing certificate has no usable RSA or ECDSA private key.");
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate, key)
        {
            DigestAlgorithm = Sha256,
            // Only the end certificate: a chain is for the verifier to build from its trust store,
            // and the reserved room above is sized for one certificate.
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        cms.ComputeSignature(signer, silent: true);
        return Task.FromResult(cms.Encode());
    }

    // PDFsharp hands over a stream of the signed ranges that cannot seek; its length is known.
    private static byte[] ReadWhole(Stream stream)
    {
        var content = new byte[stream.Length];
        var read = 0;
        while (read < content.Length)
        {
            var count = stream.Read(content, read, content.Length - read);
            if (count == 0)
            {
                throw new EndOfStreamException($"The signed ranges ended after {read} of {content.Length} bytes.");
            }

            read += count;
        }

        return content;
    }
}
