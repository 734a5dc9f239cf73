using System.Security.Cryptography;
using System.Text;
using CulturalServerless.Application.Caching;

namespace CulturalServerless.Application.Webhooks;

/// <summary>
/// A webhook secret as Cosmos DB keeps it: encrypted with AES-256-GCM under a data key of its own,
/// the data key wrapped by the key-encryption key (<see cref="IKeyWrapper"/>). Whoever reads the
/// database gets neither the secret nor anything to decrypt it with.
/// </summary>
public sealed record ProtectedSecret
{
    /// <summary>The key that wrapped <see cref="WrappedKey"/>: a Key Vault key id with its version, or <c>local:…</c>.</summary>
    public required string KeyId { get; init; }
    public required string WrapAlgorithm { get; init; }
    public required byte[] WrappedKey { get; init; }
    public required byte[] Nonce { get; init; }
    /// <summary>The AES-GCM ciphertext followed by its 16-byte tag.</summary>
    public required byte[] Ciphertext { get; init; }
}

/// <summary>
/// Encrypts webhook secrets for storage (envelope encryption) and decrypts them to sign posts. The
/// subscription's id is the associated data, so a secret copied into another subscription's
/// document does not decrypt there.
/// </summary>
public sealed class WebhookSecretProtector(IKeyWrapper keys, TimeProvider clock)
{
    private const int TagSize = 16;

    /// <summary>
    /// Unwrapped data keys, kept for a while: a committee portal receives a post per agency it
    /// stands for, and each unwrap is a round trip to Key Vault (and counts against its limits).
    /// </summary>
    private readonly ExpiringCache<string, byte[]> dataKeys = new(TimeSpan.FromMinutes(10), clock);

    public async Task<ProtectedSecret> ProtectAsync(string secret, string subscriptionId, CancellationToken cancellationToken)
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        try
        {
            var wrapped = await keys.WrapAsync(dataKey, cancellationToken);
            var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
            var plaintext = Encoding.UTF8.GetBytes(secret);
            var output = new byte[plaintext.Length + TagSize];
            using (var aes = new AesGcm(dataKey, TagSize))
            {
                aes.Encrypt(nonce, plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length), AssociatedData(subscriptionId));
            }
            return new ProtectedSecret
            {
                KeyId = wrapped.KeyId, WrapAlgorithm = wrapped.Algorithm, WrappedKey = wrapped.Value, Nonce = nonce, Ciphertext = output,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <exception cref="CryptographicException">The document was tampered with, or belongs to another subscription.</exception>
    public async Task<string> UnprotectAsync(ProtectedSecret secret, string subscriptionId, CancellationToken cancellationToken)
    {
        var cacheKey = secret.KeyId + "|" + Convert.ToBase64String(secret.WrappedKey);
        if (!dataKeys.TryGet(cacheKey, out var dataKey))
        {
            var generation = dataKeys.Generation;
            dataKey = await keys.UnwrapAsync(new WrappedKey(secret.KeyId, secret.WrapAlgorithm, secret.WrappedKey), cancellationToken);
            dataKeys.Set(cacheKey, dataKey, generation);
        }
        if (secret.Ciphertext.Length < TagSize) throw new CryptographicException("The protected webhook secret is truncated.");
        var length = secret.Ciphertext.Length - TagSize;
        var plaintext = new byte[length];
        using (var aes = new AesGcm(dataKey, TagSize))
        {
            aes.Decrypt(secret.Nonce, secret.Ciphertext.AsSpan(0, length), secret.Ciphertext.AsSpan(length), plaintext, AssociatedData(subscriptionId));
        }
        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>
    /// The secrets a post is signed with: the current one, and during a rotation's grace period the
    /// previous one too. A document from before secrets were encrypted still carries its secret in
    /// clear, and is used as it is until its next PUT encrypts it.
    /// </summary>
    public async Task<IReadOnlyList<string>> SigningSecretsAsync(WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        var current = subscription.ProtectedSecret is { } protectedSecret
            ? await UnprotectAsync(protectedSecret, subscription.Id, cancellationToken)
            : subscription.Secret ?? throw new CryptographicException($"Webhook subscription {subscription.Id} has no secret.");
        if (subscription.PreviousSecret is { } previous && subscription.PreviousSecretExpiresAt > clock.GetUtcNow())
        {
            return [current, await UnprotectAsync(previous, subscription.Id, cancellationToken)];
        }
        return [current];
    }

    private static byte[] AssociatedData(string subscriptionId) => Encoding.UTF8.GetBytes("webhook-secret:" + subscriptionId);
}
