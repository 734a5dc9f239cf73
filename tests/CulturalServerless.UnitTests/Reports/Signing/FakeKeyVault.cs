using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using CulturalServerless.Reports.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CulturalServerless.UnitTests.Reports.Signing;

/// <summary>
/// Key Vault's two documented operations the signer uses, on a loopback HTTPS server (Key Vault
/// and Azure.Core's bearer-token policy are HTTPS only): GET /certificates/{name}?api-version=7.4
/// answers the current version's id, kid, cer and attributes; POST /keys/{name}/{version}/sign
/// with {"alg","value"} answers {"kid","value"}, signing with that version's key, which only this
/// fake holds. Anything without the expected bearer token gets 401, as Key Vault does.
/// </summary>
internal sealed class FakeKeyVault : IAsyncDisposable
{
    public const string Token = "fake-managed-identity-token";
    public const string Scope = "https://vault.azure.net/.default";

    private readonly ConcurrentDictionary<string, X509Certificate2> _versions = new();
    private readonly X509Certificate2 _tls;
    private LoopbackHttp _server = null!;
    private string _name = null!;
    private string _current = null!;

    private FakeKeyVault(X509Certificate2 tls) => _tls = tls;

    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri Uri => _server.Url;

    public bool Enabled { get; set; } = true;

    /// <summary>Set to answer every request with this status (a Key Vault that refuses).</summary>
    public int? FailWith { get; set; }

    public string CurrentVersion => _current;

    public static async Task<FakeKeyVault> StartAsync(string certificateName, X509Certificate2 first)
    {
        var vault = new FakeKeyVault(LoopbackTlsCertificate());
        vault._name = certificateName;
        vault.Renew(first);
        vault._server = await LoopbackHttp.StartAsync(app =>
        {
            app.MapGet("/certificates/{name}", (Func<HttpContext, string, IResult>)vault.GetCertificate);
            app.MapPost("/keys/{name}/{version}/sign", (Func<HttpContext, string, string, Task<IResult>>)vault.SignAsync);
        }, vault._tls);
        return vault;
    }

    /// <summary>A new version of the certificate becomes the current one, as a renewal in Key Vault does.</summary>
    public void Renew(X509Certificate2 next)
    {
        var version = Guid.NewGuid().ToString("N");
        _versions[version] = next;
        _current = version;
    }

    public KeyVaultClient Client(FakeCredential? credential = null) =>
        new(Uri, credential ?? new FakeCredential(), new KeyVaultClientOptions
        {
            Scope = Scope,
            Transport = new HttpClientTransport(new HttpClientHandler
            {
                // Trust exactly this fake's certificate, as a client trusts Key Vault's through its CA.
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _tls.Thumbprint,
            }),
        });

    private IResult GetCertificate(HttpContext context, string name)
    {
        Requests.Enqueue($"GET {context.Request.Path}{context.Request.QueryString}");
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }

        if (name != _name)
        {
            return Error(404, "CertificateNotFound", $"A certificate with (name/id) {name} was not found in this key vault.");
        }

        var certificate = _versions[_current];
        return Results.Json(new JsonObject
        {
            ["id"] = $"{Uri}certificates/{name}/{_current}",
            ["kid"] = $"{Uri}keys/{name}/{_current}",
            ["sid"] = $"{Uri}secrets/{name}/{_current}",
            ["x5t"] = Base64Url.EncodeToString(certificate.GetCertHash()),
            ["cer"] = Convert.ToBase64String(certificate.RawData),
            ["attributes"] = new JsonObject
            {
                ["enabled"] = Enabled,
                ["nbf"] = new DateTimeOffset(certificate.NotBefore).ToUnixTimeSeconds(),
                ["exp"] = new DateTimeOffset(certificate.NotAfter).ToUnixTimeSeconds(),
                ["recoveryLevel"] = "Recoverable",
            },
            ["policy"] = new JsonObject { ["key_props"] = new JsonObject { ["exportable"] = false, ["kty"] = "RSA", ["key_size"] = 2048 } },
        });
    }

    private async Task<IResult> SignAsync(HttpContext context, string name, string version)
    {
        Requests.Enqueue($"POST {context.Request.Path}{context.Request.QueryString}");
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }

        if (name != _name || !_versions.TryGetValue(version, out var certificate))
        {
            return Error(404, "KeyNotFound", $"A key with (name/id) {name}/{version} was not found in this key vault.");
        }

        var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!;
        var algorithm = (string)body["alg"]!;
        var digest = Base64Url.DecodeFromChars((string)body["value"]!);
        var (hash, padding) = algorithm switch
        {
            "RS256" => (HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "PS256" => (HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            _ => (default, null!),
        };
        if (padding is null || digest.Length != 32)
        {
            return Error(400, "BadParameter", $"Invalid algorithm {algorithm} or digest length {digest.Length}.");
        }

        using var key = certificate.GetRSAPrivateKey()!;
        return Results.Json(new JsonObject
        {
            ["kid"] = $"{Uri}keys/{name}/{version}",
            ["value"] = Base64Url.EncodeToString(key.SignHash(digest, hash, padding)),
        });
    }

    private IResult? Refuse(HttpContext context)
    {
        if (context.Request.Query["api-version"] != KeyVaultClientOptions.ApiVersion)
        {
            return Error(400, "BadParameter", "api-version 7.4 expected.");
        }

        if (context.Request.Headers.Authorization != $"Bearer {Token}")
        {
            context.Response.Headers.WWWAuthenticate = "Bearer authorization=\"https://login.microsoftonline.com/tenant\", resource=\"https://vault.azure.net\"";
            return Error(401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.");
        }

        return FailWith is { } status ? Error(status, "Forbidden", "Caller is not authorized to perform action on resource.") : null;
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, statusCode: status);

    private static X509Certificate2 LoopbackTlsCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _tls.Dispose();
    }
}

/// <summary>A managed identity as the signer sees it: a token for the scopes it is asked for, which it records.</summary>
internal sealed class FakeCredential : TokenCredential
{
    public ConcurrentQueue<string> Scopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes)
        {
            Scopes.Enqueue(scope);
        }

        return new AccessToken(FakeKeyVault.Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
