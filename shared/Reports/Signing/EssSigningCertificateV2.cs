using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// The ESS signing-certificate-v2 attribute (RFC 5035), which PAdES requires among the signed
/// attributes: the SHA-256 of the signer's certificate and its issuer and serial number, so that
/// the signature names the one certificate it was made for. .NET has no type for it; this is its
/// value, written and read with System.Formats.Asn1.
/// </summary>
internal static class EssSigningCertificateV2
{
    private static readonly Asn1Tag DirectoryName = new(TagClass.ContextSpecific, 4, isConstructed: true);

    public static AsnEncodedData For(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    // hashAlgorithm is DEFAULT id-sha256, which DER leaves out.
                    writer.WriteOctetString(SHA256.HashData(certificate.RawDataMemory.Span));
                    using (writer.PushSequence())
                    {
                        using (writer.PushSequence())
                        using (writer.PushSequence(DirectoryName))
                        {
                            writer.WriteEncodedValue(certificate.IssuerName.RawData);
                        }

                        writer.WriteInteger(certificate.SerialNumberBytes.Span);
                    }
                }
            }
        }

        return new AsnEncodedData(SignatureOids.SigningCertificateV2, writer.Encode());
    }

    /// <summary>
    /// Whether the attribute's first ESSCertIDv2 names <paramref name="certificate"/>; the reason
    /// when it does not. Hostile input is reported, never thrown.
    /// </summary>
    public static bool Names(ReadOnlyMemory<byte> value, X509Certificate2 certificate, out string? problem)
    {
        try
        {
            var reader = new AsnReader(value, AsnEncodingRules.DER);
            var attribute = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            var ids = attribute.ReadSequence();
            var id = ids.ReadSequence();
            var hash = HashAlgorithmName.SHA256;
            if (id.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var algorithm = id.ReadSequence();
                hash = algorithm.ReadObjectIdentifier() switch
                {
                    SignatureOids.Sha256 => HashAlgorithmName.SHA256,
                    SignatureOids.Sha384 => HashAlgorithmName.SHA384,
                    SignatureOids.Sha512 => HashAlgorithmName.SHA512,
                    var other => throw new AsnContentException($"unsupported hash algorithm {other}"),
                };
            }

            var certificateHash = id.ReadOctetString();
            var expected = hash == HashAlgorithmName.SHA256 ? SHA256.HashData(certificate.RawDataMemory.Span)
                : hash == HashAlgorithmName.SHA384 ? SHA384.HashData(certificate.RawDataMemory.Span)
                : SHA512.HashData(certificate.RawDataMemory.Span);
            if (!CryptographicOperations.FixedTimeEquals(certificateHash, expected))
            {
                problem = "The signing-certificate-v2 attribute names another certificate than the signer's.";
                return false;
            }

            if (id.HasData)
            {
                var issuerSerial = id.ReadSequence();
                var names = issuerSerial.ReadSequence();
                var directoryName = names.ReadSequence(DirectoryName).ReadEncodedValue();
                var serial = issuerSerial.ReadInteger();
                if (!directoryName.Span.SequenceEqual(certificate.IssuerName.RawData)
                    || serial != new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true))
                {
                    problem = "The signing-certificate-v2 attribute names another issuer or serial number than the signer's certificate.";
                    return false;
                }
            }

            problem = null;
            return true;
        }
        catch (AsnContentException exception)
        {
            problem = $"The signing-certificate-v2 attribute is malformed: {exception.Message}";
            return false;
        }
    }
}
