using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// An RSA key whose private half is a Key Vault key: SignHash sends the digest to Key Vault's
/// sign operation; everything else uses the certificate's public key. SignedCms signs through
/// <see cref="RSA.SignHash(byte[], HashAlgorithmName, RSASignaturePadding)"/> (and checks the result
/// against the certificate), so handing it this key keeps the whole CMS to SignedCms while the key
/// stays in the vault. The call is synchronous because SignHash is; it blocks one thread for one
/// round trip per report.
/// </summary>
internal sealed class KeyVaultRsa : RSA
{
    private readonly KeyVaultClient _client;
    private readonly Uri _keyId;
    private readonly RSA _publicKey;
    private readonly CancellationToken _cancellationToken;

    public KeyVaultRsa(KeyVaultClient client, Uri keyId, X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        _client = client;
        _keyId = keyId;
        _publicKey = certificate.GetRSAPublicKey()
            ?? throw new SigningCertificateException($"Key Vault certificate {certificate.Subject} has no RSA key; only RSA keys sign reports.");
        _cancellationToken = cancellationToken;
        KeySizeValue = _publicKey.KeySize;
        LegalKeySizesValue = [new KeySizes(KeySizeValue, KeySizeValue, 0)];
    }

    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
        _client.Sign(_keyId, Algorithm(hashAlgorithm, padding), hash, _cancellationToken);

    public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
        _publicKey.VerifyHash(hash, signature, hashAlgorithm, padding);

    public override RSAParameters ExportParameters(bool includePrivateParameters) =>
        includePrivateParameters
            ? throw new CryptographicException("The private key stays in Key Vault.")
            : _publicKey.ExportParameters(false);

    public override void ImportParameters(RSAParameters parameters) =>
        throw new NotSupportedException("A Key Vault key cannot be replaced in process.");

    public override byte[] Encrypt(byte[] data, RSAEncryptionPadding padding) =>
        throw new NotSupportedException("The report signing key only signs.");

    public override byte[] Decrypt(byte[] data, RSAEncryptionPadding padding) =>
        throw new NotSupportedException("The report signing key only signs.");

    /// <summary>The JSON Web Algorithm names Key Vault's sign operation takes (RFC 7518 3.1).</summary>
    internal static string Algorithm(HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        var prefix = padding == RSASignaturePadding.Pkcs1 ? "RS"
            : padding == RSASignaturePadding.Pss ? "PS"
            : throw new CryptographicException($"Key Vault does not sign with RSA padding {padding}.");
        var size = hashAlgorithm.Name switch
        {
            "SHA256" => "256",
            "SHA384" => "384",
            "SHA512" => "512",
            _ => throw new CryptographicException($"Key Vault does not sign {hashAlgorithm.Name} digests with RSA."),
        };
        return prefix + size;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _publicKey.Dispose();
        }

        base.Dispose(disposing);
    }
}
