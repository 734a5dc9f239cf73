using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// Checks a signed report in-process, the way a PDF validator does: the CMS signature over the
/// bytes named by /ByteRange, with the digest recomputed from the file itself.
/// </summary>
public sealed class ReportSignatureVerifier
{
    public ReportSignatureVerification Verify(ReadOnlySpan<byte> pdf)
    {
        if (!PdfSignatureLocator.TryLocate(pdf, out var range, out var signature, out var problem))
        {
            return ReportSignatureVerification.Invalid(problem!);
        }

        var signed = new byte[range[1] + range[3]];
        pdf.Slice((int)range[0], (int)range[1]).CopyTo(signed);
        pdf.Slice((int)range[2], (int)range[3]).CopyTo(signed.AsSpan((int)range[1]));

        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        try
        {
            cms.Decode(signature);
        }
        catch (CryptographicException)
        {
            return ReportSignatureVerification.Invalid("The signature is not a readable CMS message.");
        }

        if (cms.SignerInfos.Count != 1 || cms.SignerInfos[0].Certificate is not { } certificate)
        {
            return ReportSignatureVerification.Invalid("The signature must have one signer with its certificate embedded.");
        }

        var signer = cms.SignerInfos[0];
        var subject = certificate.Subject;
        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var signingTime = signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Select(attribute => attribute.Values)
            .SelectMany(values => values.Cast<AsnEncodedData>())
            .OfType<Pkcs9SigningTime>()
            .Select(time => (DateTimeOffset?)new DateTimeOffset(DateTime.SpecifyKind(time.SigningTime, DateTimeKind.Utc)))
            .FirstOrDefault();

        try
        {
            // The certificate's trust chain is policy, not integrity: see ReportSignatureVerification.
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException exception)
        {
            return new ReportSignatureVerification(
                false, $"The signature does not match the document: {exception.Message}", subject, signingTime, thumbprint);
        }

        return new ReportSignatureVerification(true, null, subject, signingTime, thumbprint);
    }
}
