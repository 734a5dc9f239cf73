using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// Checks a signed report in-process, the way a PAdES validator does at level B-T: the CMS
/// signature over the bytes named by /ByteRange (SignedCms), the signing-certificate-v2 attribute,
/// the signer's chain to a trusted CA, and the signature timestamp (Rfc3161TimestampToken): its
/// message imprint over the signature value, its TSA's chain to a trusted TSA CA, and its time
/// within the signer certificate's validity. Any byte string gets an answer: what cannot be read
/// is a problem reported, never an exception.
/// </summary>
public sealed class ReportSignatureVerifier(SignatureTrust trust)
{
    public ReportSignatureVerification Verify(byte[] pdf) => Verify(new MemoryStream(pdf, writable: false));

    /// <summary>
    /// Verifies the PDF in <paramref name="pdf"/>, which must be seekable. Holds the signed bytes
    /// once, plus the copy SignedCms keeps of them: about twice the file, never the file itself.
    /// </summary>
    public ReportSignatureVerification Verify(Stream pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (!pdf.CanSeek)
        {
            throw new ArgumentException("The PDF is read where its signature says: the stream must be seekable.", nameof(pdf));
        }

        try
        {
            return VerifyLocated(pdf);
        }
        catch (Exception exception) when (exception is CryptographicException or AsnContentException or FormatException
            or ArgumentException or OverflowException or InvalidOperationException)
        {
            return ReportSignatureVerification.Invalid($"The signature cannot be read: {exception.Message}");
        }
    }

    private ReportSignatureVerification VerifyLocated(Stream pdf)
    {
        if (PdfSignatureLocator.Locate(pdf, out var problem) is not { } located)
        {
            return ReportSignatureVerification.Invalid(problem!);
        }

        var cms = new SignedCms(new ContentInfo(PdfSignatureLocator.ReadSignedContent(pdf, located)), detached: true);
        try
        {
            cms.Decode(located.Cms);
        }
        catch (CryptographicException)
        {
            return ReportSignatureVerification.Invalid("The signature is not a readable CMS message.");
        }

        if (cms.SignerInfos.Count != 1)
        {
            return ReportSignatureVerification.Invalid("The signature must have exactly one signer.");
        }

        var signer = cms.SignerInfos[0];
        X509Certificate2Collection embedded;
        X509Certificate2? certificate;
        try
        {
            embedded = cms.Certificates;
            certificate = signer.Certificate;
        }
        catch (CryptographicException)
        {
            return ReportSignatureVerification.Invalid("A certificate embedded in the signature is malformed.");
        }

        if (certificate is null)
        {
            return ReportSignatureVerification.Invalid("The signer's certificate is not embedded in the signature.");
        }

        var problems = new List<string>();
        try
        {
            // Signature value over the signed attributes, and their message digest over the file.
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException exception)
        {
            problems.Add($"The signature does not match the document: {exception.Message}");
        }

        CheckSignedAttributes(signer, certificate, problems);
        var timestamp = CheckTimestamp(signer, certificate, problems);
        var at = timestamp?.Time ?? DateTimeOffset.UtcNow;
        var path = CertificateChains.Build(certificate, trust.SignerAuthorities, embedded.Cast<X509Certificate2>(), at);
        if (!path.Trusted)
        {
            problems.Add($"The signer's certificate is not issued by a CA this system trusts ({path.Problem}).");
        }

        return new ReportSignatureVerification(
            problems.Count == 0, problems.FirstOrDefault(), certificate.Subject, timestamp?.Time, CertificateThumbprints.Of(certificate))
        {
            Problems = problems,
            TimestampAuthority = timestamp?.Authority,
        };
    }

    private static void CheckSignedAttributes(SignerInfo signer, X509Certificate2 certificate, List<string> problems)
    {
        var attributes = signer.SignedAttributes.Cast<CryptographicAttributeObject>().ToList();
        var essV2 = attributes.Where(attribute => attribute.Oid.Value == SignatureOids.SigningCertificateV2).ToList();
        if (essV2.Count != 1 || essV2[0].Values.Count != 1)
        {
            problems.Add("The signature has no single signing-certificate-v2 attribute, which PAdES requires.");
        }
        else if (!EssSigningCertificateV2.Names(essV2[0].Values[0].RawData, certificate, out var problem))
        {
            problems.Add(problem!);
        }

        // Only its presence is looked at: its value is never decoded, so a malformed one cannot throw.
        if (attributes.Any(attribute => attribute.Oid.Value == SignatureOids.SigningTime))
        {
            problems.Add("The signature carries a signing-time attribute, which PAdES baseline signatures must not.");
        }

        if (certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage
            && (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
        {
            problems.Add("The signer's certificate is not for digital signatures (key usage).");
        }
    }

    private (DateTimeOffset Time, string Authority)? CheckTimestamp(SignerInfo signer, X509Certificate2 certificate, List<string> problems)
    {
        var values = signer.UnsignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(attribute => attribute.Oid.Value == SignatureOids.SignatureTimeStampToken)
            .SelectMany(attribute => attribute.Values.Cast<AsnEncodedData>())
            .ToList();
        if (values.Count != 1)
        {
            problems.Add(values.Count == 0
                ? "The signature has no timestamp (PAdES B-T requires an RFC 3161 signature timestamp)."
                : "The signature has more than one signature timestamp.");
            return null;
        }

        if (!Rfc3161TimestampToken.TryDecode(values[0].RawData, out var token, out var consumed) || consumed != values[0].RawData.Length)
        {
            problems.Add("The signature timestamp is not a valid RFC 3161 token: unreadable, or changed since the TSA signed it.");
            return null;
        }

        var time = token.TokenInfo.Timestamp;
        if (HashAlgorithm(token.TokenInfo.HashAlgorithmId.Value) is not { } algorithm)
        {
            problems.Add($"The signature timestamp's imprint uses an unsupported hash algorithm ({token.TokenInfo.HashAlgorithmId.Value}).");
            return null;
        }

        var signatureHash = HashOf(algorithm, signer.GetSignature());
        if (!CryptographicOperations.FixedTimeEquals(token.TokenInfo.GetMessageHash().Span, signatureHash))
        {
            problems.Add("The signature timestamp covers another signature: its message imprint is not this signature value's.");
            return null;
        }

        var tokenCertificates = token.AsSignedCms().Certificates;
        if (!token.VerifySignatureForHash(signatureHash, algorithm, out var authority, tokenCertificates) || authority is null)
        {
            problems.Add("The signature timestamp's own signature does not verify.");
            return null;
        }

        var path = CertificateChains.Build(authority, trust.TimestampAuthorities, tokenCertificates.Cast<X509Certificate2>(), time,
            SignatureOids.TimeStampingUsage);
        if (!path.Trusted)
        {
            problems.Add($"The timestamp authority {authority.Subject} is not one this system trusts ({path.Problem}).");
        }
        else if (!IsTimestampingOnly(authority))
        {
            problems.Add($"The timestamp authority's certificate {authority.Subject} is not for timestamping only (RFC 3161 2.3).");
        }

        if (time < certificate.NotBefore.ToUniversalTime() || time > certificate.NotAfter.ToUniversalTime())
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"The signature was timestamped at {time.UtcDateTime:u}, outside its certificate's validity " +
                $"({certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u})."));
        }

        return (time, authority.Subject);
    }

    private static HashAlgorithmName? HashAlgorithm(string? oid) => oid switch
    {
        SignatureOids.Sha256 => HashAlgorithmName.SHA256,
        SignatureOids.Sha384 => HashAlgorithmName.SHA384,
        SignatureOids.Sha512 => HashAlgorithmName.SHA512,
        _ => null,
    };

    private static byte[] HashOf(HashAlgorithmName algorithm, byte[] data) =>
        algorithm == HashAlgorithmName.SHA256 ? SHA256.HashData(data)
        : algorithm == HashAlgorithmName.SHA384 ? SHA384.HashData(data)
        : SHA512.HashData(data);

    // RFC 3161 2.3: exactly one extended key usage, id-kp-timeStamping, marked critical.
    private static bool IsTimestampingOnly(X509Certificate2 authority) =>
        authority.Extensions.OfType<X509EnhancedKeyUsageExtension>().SingleOrDefault() is { Critical: true } usage
        && usage.EnhancedKeyUsages.Count == 1
        && usage.EnhancedKeyUsages[0].Value == SignatureOids.TimeStampingUsage;
}
