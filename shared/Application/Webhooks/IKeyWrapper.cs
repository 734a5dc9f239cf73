namespace CulturalServerless.Application.Webhooks;

/// <summary>
/// The key-encryption key of the webhook secrets, kept outside Cosmos DB: a Key Vault key in Azure
/// (wrap and unwrap happen in the vault; the key never leaves it), a key file in <c>.local/</c>
/// on a developer's machine. It wraps the random data key each secret is encrypted with.
/// </summary>
public interface IKeyWrapper
{
    Task<WrappedKey> WrapAsync(ReadOnlyMemory<byte> key, CancellationToken cancellationToken);

    /// <summary>Unwraps a key this wrapper (or a former version of its key) wrapped; anything else is refused.</summary>
    Task<byte[]> UnwrapAsync(WrappedKey wrapped, CancellationToken cancellationToken);
}

/// <summary>
/// The key-encryption key could not be used (its service is down, slow, or refuses the app): the
/// inner exception says why. No secret can be issued or used until it can.
/// </summary>
public sealed class SecretKeyUnavailableException(string message, Exception innerException) : Exception(message, innerException);

/// <summary>A wrapped data key, and which key (with its version) and algorithm wrapped it.</summary>
public sealed record WrappedKey(string KeyId, string Algorithm, byte[] Value);
