using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CulturalServerless.Application.Webhooks;

namespace CulturalServerless.Storage.Secrets;

/// <summary>
/// The webhook secrets' key on a developer's machine: 256 random bits in a git-ignored file
/// (<c>.local/webhook-secrets-key.json</c>), wrapping data keys with AES-256-GCM. Made by
/// <c>./run.sh</c> when missing (<see cref="CreateKeyIfMissing"/>); the app only reads it, and it is
/// refused on Azure hosting, where the Key Vault key is used.
/// </summary>
public sealed class LocalKeyWrapper : IKeyWrapper
{
    public const string Algorithm = "A256GCM";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly string keyId;
    private readonly byte[] key;

    public LocalKeyWrapper(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InvalidOperationException(
                $"The webhook secrets' key {full} does not exist. ./run.sh (or ./run.sh token) creates it; the app does not.");
        }
        var json = JsonNode.Parse(File.ReadAllText(full));
        var kid = (string?)json?["kid"];
        var k = (string?)json?["k"];
        if (kid is null || k is null || System.Buffers.Text.Base64Url.DecodeFromChars(k) is not { Length: 32 } bytes)
        {
            throw new InvalidOperationException($"{full} is not a webhook secrets' key (kid and a 256-bit k); delete it and run ./run.sh to make a new one.");
        }
        keyId = "local:" + kid;
        key = bytes;
    }

    /// <summary>Creates the key file (readable by its owner only) unless it exists; true when it was created here.</summary>
    public static bool CreateKeyIfMissing(string path) => LocalKeyFile.TryCreate(path, new JsonObject
    {
        ["kid"] = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9)),
        ["k"] = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
    }.ToJsonString());

    public Task<WrappedKey> WrapAsync(ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken)
    {
        var output = new byte[NonceSize + dataKey.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, dataKey.Span, output.AsSpan(NonceSize, dataKey.Length), output.AsSpan(NonceSize + dataKey.Length), System.Text.Encoding.UTF8.GetBytes(keyId));
        return Task.FromResult(new WrappedKey(keyId, Algorithm, output));
    }

    public Task<byte[]> UnwrapAsync(WrappedKey wrapped, CancellationToken cancellationToken)
    {
        if (wrapped.KeyId != keyId || wrapped.Algorithm != Algorithm || wrapped.Value.Length <= NonceSize + TagSize)
        {
            throw new CryptographicException($"The data key was wrapped by '{wrapped.KeyId}' ({wrapped.Algorithm}), not by this machine's key '{keyId}'.");
        }
        var length = wrapped.Value.Length - NonceSize - TagSize;
        var dataKey = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(wrapped.Value.AsSpan(0, NonceSize), wrapped.Value.AsSpan(NonceSize, length), wrapped.Value.AsSpan(NonceSize + length), dataKey,
            System.Text.Encoding.UTF8.GetBytes(keyId));
        return Task.FromResult(dataKey);
    }
}
