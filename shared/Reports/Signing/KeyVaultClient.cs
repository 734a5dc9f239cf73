using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CulturalServerless.Reports.Signing;

/// <summary>The public part of one version of a Key Vault certificate and the key that signs for it.</summary>
public sealed record KeyVaultCertificateVersion(X509Certificate2 Certificate, Uri KeyId, string Version, bool Enabled);

/// <summary>
/// The two Key Vault REST operations signing needs, through Azure.Core's pipeline (retries,
/// logging, bearer tokens from the app's managed identity): GET certificates/{name} for the
/// certificate's public part and its key id, and POST keys/{name}/{version}/sign to sign a digest
/// with that key, which never leaves the vault. Azure.Security.KeyVault.Keys would do the second,
/// but it is not served here.
/// </summary>
public sealed class KeyVaultClient
{
    private readonly Uri _vault;
    private readonly HttpPipeline _pipeline;

    public KeyVaultClient(Uri vault, TokenCredential credential, KeyVaultClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new KeyVaultClientOptions();
        _vault = vault;
        var scope = options.Scope ?? $"https://{vault.Host[(vault.Host.IndexOf('.', StringComparison.Ordinal) + 1)..]}/.default";
        _pipeline = HttpPipelineBuilder.Build(options, new BearerTokenAuthenticationPolicy(credential, scope));
    }

    /// <summary>The current version of certificate <paramref name="name"/> (GET {vault}/certificates/{name}).</summary>
    public async Task<KeyVaultCertificateVersion> GetCertificateAsync(string name, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri(_vault, $"certificates/{Uri.EscapeDataString(name)}?api-version={KeyVaultClientOptions.ApiVersion}"));
        message.Request.Headers.Add("Accept", "application/json");
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status != 200)
        {
            throw new RequestFailedException(response);
        }

        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var root = json.RootElement;
        if (!root.TryGetProperty("cer", out var cer) || cer.GetString() is not { Length: > 0 } encoded)
        {
            throw new SigningCertificateException(
                $"Key Vault certificate '{name}' has no issued certificate in its current version (a request still pending at the CA?).");
        }

        var keyId = new Uri(root.GetProperty("kid").GetString()!, UriKind.Absolute);
        var enabled = !root.TryGetProperty("attributes", out var attributes)
            || !attributes.TryGetProperty("enabled", out var flag)
            || flag.GetBoolean();
        var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(ToStandardBase64(encoded)));
        return new KeyVaultCertificateVersion(certificate, keyId, keyId.Segments[^1].TrimEnd('/'), enabled);
    }

    /// <summary>
    /// Signs <paramref name="digest"/> with the key <paramref name="keyId"/> (POST {kid}/sign,
    /// body {"alg", "value": base64url digest}); synchronous, because <see cref="RSA.SignHash(byte[], HashAlgorithmName, RSASignaturePadding)"/>,
    /// which SignedCms calls, is.
    /// </summary>
    public byte[] Sign(Uri keyId, string algorithm, ReadOnlySpan<byte> digest, CancellationToken cancellationToken)
    {
        using var message = CreateSign(keyId, algorithm, digest);
        _pipeline.Send(message, cancellationToken);
        return ReadSignature(message.Response, keyId);
    }

    public async Task<byte[]> SignAsync(Uri keyId, string algorithm, ReadOnlyMemory<byte> digest, CancellationToken cancellationToken)
    {
        using var message = CreateSign(keyId, algorithm, digest.Span);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return ReadSignature(message.Response, keyId);
    }

    private HttpMessage CreateSign(Uri keyId, string algorithm, ReadOnlySpan<byte> digest)
    {
        if (!string.Equals(keyId.GetLeftPart(UriPartial.Authority), _vault.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            // The token is for this vault; a key id elsewhere would send it to another host.
            throw new SigningCertificateException($"Key {keyId} is not in the vault {_vault}.");
        }

        var message = _pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(new Uri($"{keyId.AbsoluteUri.TrimEnd('/')}/sign?api-version={KeyVaultClientOptions.ApiVersion}"));
        message.Request.Headers.Add("Accept", "application/json");
        message.Request.Headers.Add("Content-Type", "application/json");
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["alg"] = algorithm,
            ["value"] = Base64Url.EncodeToString(digest),
        });
        message.Request.Content = RequestContent.Create(body);
        return message;
    }

    private static byte[] ReadSignature(Response response, Uri keyId)
    {
        if (response.Status != 200)
        {
            throw new RequestFailedException(response);
        }

        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var value = json.RootElement.TryGetProperty("value", out var property) ? property.GetString() : null;
        return value is { Length: > 0 }
            ? Base64Url.DecodeFromChars(value)
            : throw new RequestFailedException(response.Status,
                string.Create(CultureInfo.InvariantCulture, $"Key Vault answered the sign request for {keyId} without a signature."));
    }

    // Key Vault writes "cer" in standard base64; tolerate the URL-safe alphabet as well.
    private static string ToStandardBase64(string value)
    {
        var standard = value.Replace('-', '+').Replace('_', '/');
        return (standard.Length % 4) switch
        {
            2 => standard + "==",
            3 => standard + "=",
            _ => standard,
        };
    }
}
