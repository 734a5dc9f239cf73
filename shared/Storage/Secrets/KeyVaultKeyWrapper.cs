using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using CulturalServerless.Application.Webhooks;

namespace CulturalServerless.Storage.Secrets;

/// <summary>The Azure.Core options of <see cref="KeyVaultKeyWrapper"/>: its retry budget, and (in tests) its transport.</summary>
public sealed class KeyVaultKeyWrapperOptions : ClientOptions
{
    public KeyVaultKeyWrapperOptions()
    {
        // As for Blob Storage: a silent vault fails by itself well within a request's deadline.
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 1;
        Retry.Delay = TimeSpan.FromMilliseconds(500);
        Retry.MaxDelay = TimeSpan.FromSeconds(1);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(3);
    }
}

/// <summary>
/// Wraps and unwraps data keys with a Key Vault key over the Key Vault REST API (api-version 7.4):
/// <c>POST {key}/wrapkey</c> and <c>POST {key}/{version}/unwrapkey</c> with RSA-OAEP-256, through
/// Azure.Core's pipeline with the app's managed-identity credential (Azure.Security.KeyVault.Keys is
/// not available to this project). The key's private half never leaves the vault. Wrapping uses the
/// configured key (its latest version when no version is named); unwrapping uses the version that
/// wrapped, so older secrets stay readable after the key is rotated in the vault.
/// </summary>
public sealed class KeyVaultKeyWrapper : IKeyWrapper
{
    public const string ApiVersion = "7.4";
    public const string Algorithm = "RSA-OAEP-256";

    private readonly Uri key;
    private readonly string vault;
    private readonly string keyPath;
    private readonly HttpPipeline pipeline;

    /// <param name="keyId">The key's id, <c>https://{vault}.vault.azure.net/keys/{name}</c>, optionally with <c>/{version}</c>.</param>
    /// <param name="credential">The app's identity (Key Vault Crypto User on this key).</param>
    /// <param name="options">Retry budget and transport.</param>
    public KeyVaultKeyWrapper(Uri keyId, TokenCredential credential, KeyVaultKeyWrapperOptions? options = null)
    {
        key = keyId;
        vault = keyId.GetLeftPart(UriPartial.Authority);
        keyPath = "/keys/" + KeyName(keyId) + "/";
        pipeline = HttpPipelineBuilder.Build(options ?? new KeyVaultKeyWrapperOptions(),
            new BearerTokenAuthenticationPolicy(credential, Scope(keyId)));
    }

    /// <summary>The key's name, from its id; an id that is not a Key Vault key's is a configuration error.</summary>
    public static string KeyName(Uri keyId)
    {
        var segments = keyId.AbsolutePath.Trim('/').Split('/');
        if (keyId.Scheme != Uri.UriSchemeHttps || segments is not (["keys", _] or ["keys", _, _]) || !string.IsNullOrEmpty(keyId.Query))
        {
            throw new InvalidOperationException($"Webhooks__SecretKeyId must be a Key Vault key id, https://<vault>.vault.azure.net/keys/<name>; got '{keyId}'.");
        }
        return segments[1];
    }

    /// <summary>The token scope of the vault's cloud: https://vault.azure.net/.default for kv.vault.azure.net, and so on.</summary>
    public static string Scope(Uri keyId) => "https://" + keyId.Host[(keyId.Host.IndexOf('.', StringComparison.Ordinal) + 1)..] + "/.default";

    public async Task<WrappedKey> WrapAsync(ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken)
    {
        var (kid, value) = await PostAsync(new Uri(key.ToString().TrimEnd('/') + "/wrapkey"), dataKey, cancellationToken);
        // The answer names the version that wrapped: that is the one unwrapping will ask for.
        if (!IsThisKey(kid)) throw Unavailable($"Key Vault answered a wrap with another key '{kid}'.", null);
        return new WrappedKey(kid, Algorithm, value);
    }

    public async Task<byte[]> UnwrapAsync(WrappedKey wrapped, CancellationToken cancellationToken)
    {
        // The key id comes from a stored document: only a version of the configured key is asked,
        // so a tampered document cannot send the app's token (or anything) elsewhere.
        if (wrapped.Algorithm != Algorithm || !IsThisKey(wrapped.KeyId))
        {
            throw new CryptographicException($"The data key was wrapped by '{wrapped.KeyId}' ({wrapped.Algorithm}), not by a version of {key}.");
        }
        var (_, value) = await PostAsync(new Uri(wrapped.KeyId.TrimEnd('/') + "/unwrapkey"), wrapped.Value, cancellationToken);
        return value;
    }

    private bool IsThisKey(string kid) =>
        Uri.TryCreate(kid, UriKind.Absolute, out var uri)
        && uri.GetLeftPart(UriPartial.Authority) == vault
        && uri.AbsolutePath.StartsWith(keyPath, StringComparison.Ordinal)
        && uri.AbsolutePath.Length > keyPath.Length
        && !uri.AbsolutePath[keyPath.Length..].Contains('/', StringComparison.Ordinal)
        && string.IsNullOrEmpty(uri.Query);

    private async Task<(string Kid, byte[] Value)> PostAsync(Uri operation, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(operation);
        request.Uri.AppendQuery("api-version", ApiVersion);
        request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
        request.Headers.Add(HttpHeader.Names.Accept, "application/json");
        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["alg"] = Algorithm,
            ["value"] = System.Buffers.Text.Base64Url.EncodeToString(value.Span),
        }));
        try
        {
            await pipeline.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (exception is RequestFailedException or AggregateException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Unreachable, or silent past the pipeline's own budget (its network timeout, its retries).
            throw Unavailable("Key Vault could not be reached.", exception);
        }
        var response = message.Response;
        if (response.IsError) throw Unavailable($"Key Vault answered {response.Status}.", new RequestFailedException(response));
        using var answer = JsonDocument.Parse(response.Content.ToMemory());
        var kid = answer.RootElement.GetProperty("kid").GetString()!;
        var result = System.Buffers.Text.Base64Url.DecodeFromChars(answer.RootElement.GetProperty("value").GetString()!);
        return (kid, result);
    }

    private static SecretKeyUnavailableException Unavailable(string message, Exception? inner) =>
        new(message, inner ?? new InvalidOperationException(message));
}
