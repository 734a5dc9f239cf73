namespace CulturalServerless.Reports.Signing;

/// <summary>The object identifiers of the signature profile (PAdES baseline B-T over CMS, RFC 5652).</summary>
internal static class SignatureOids
{
    public const string Data = "1.2.840.113549.1.7.1";
    public const string Sha256 = "2.16.840.1.101.3.4.2.1";
    public const string Sha384 = "2.16.840.1.101.3.4.2.2";
    public const string Sha512 = "2.16.840.1.101.3.4.2.3";

    /// <summary>PKCS #9 signing-time: PAdES baseline signatures must not carry it (the PDF's /M does).</summary>
    public const string SigningTime = "1.2.840.113549.1.9.5";

    /// <summary>ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate into what is signed.</summary>
    public const string SigningCertificateV2 = "1.2.840.113549.1.9.16.2.47";

    /// <summary>ESS signing-certificate (v1, SHA-1), accepted in timestamp tokens only.</summary>
    public const string SigningCertificate = "1.2.840.113549.1.9.16.2.12";

    /// <summary>id-aa-signatureTimeStampToken (RFC 3161 appendix A): an unsigned attribute over the signature value.</summary>
    public const string SignatureTimeStampToken = "1.2.840.113549.1.9.16.2.14";

    /// <summary>id-kp-timeStamping, the one extended key usage of a TSA certificate (RFC 3161 2.3).</summary>
    public const string TimeStampingUsage = "1.3.6.1.5.5.7.3.8";
}
