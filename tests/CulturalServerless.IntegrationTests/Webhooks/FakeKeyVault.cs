using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using CulturalServerless.Storage.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.IntegrationTests.Webhooks;

/// <summary>One request the fake vault received.</summary>
public sealed record VaultRequest(string Method, string Path, string? ApiVersion, string? Authorization, string? ContentType, JsonObject? Body);

/// <summary>
/// A loopback stand-in for Key Vault's keys REST API as documented for api-version 7.4: HTTPS
/// (a certificate of its own for <see cref="Host"/>), <c>POST /keys/{name}[/{version}]/wrapkey</c>
/// and <c>POST /keys/{name}/{version}/unwrapkey</c> with <c>{"alg","value"}</c> (base64url), answering
/// <c>{"kid","value"}</c>; real RSA-OAEP-256 with a key per version; 401 without a bearer token and
/// Key Vault's error body otherwise. <see cref="Transport"/> connects the app's client to it while the
/// client keeps addressing <see cref="Host"/>, as it would the real vault.
/// </summary>
public sealed class FakeKeyVault : IAsyncDisposable
{
    public const string Host = "kv-tests.vault.azure.net";
    public const string KeyName = "webhook-secrets";

    private readonly WebApplication app;
    private readonly X509Certificate2 certificate;
    private readonly ConcurrentDictionary<string, RSA> versions = new();
    private string latest = "";

    private FakeKeyVault(WebApplication app, X509Certificate2 certificate)
    {
        this.app = app;
        this.certificate = certificate;
    }

    public ConcurrentQueue<VaultRequest> Requests { get; } = new();

    /// <summary>When set, every request is answered with this status and Key Vault's error body.</summary>
    public int? FailWith { get; set; }

    public int Port { get; private set; }

    public Uri KeyId => new($"https://{Host}/keys/{KeyName}");

    public string KidOf(string version) => $"https://{Host}/keys/{KeyName}/{version}";

    /// <summary>A new version of the key becomes the current one, as a rotation in the vault does.</summary>
    public string Rotate()
    {
        var version = Guid.NewGuid().ToString("N");
        versions[version] = RSA.Create(3072);
        latest = version;
        return version;
    }

    public static async Task<FakeKeyVault> StartAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={Host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(Host);
        request.CertificateExtensions.Add(names.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            listen.UseHttps(certificate);
        }));
        var app = builder.Build();
        var vault = new FakeKeyVault(app, certificate);
        vault.Rotate();
        app.MapPost("/keys/{name}/wrapkey", (HttpContext context, string name) => vault.HandleAsync(context, name, null, wrap: true));
        app.MapPost("/keys/{name}/{version}/wrapkey", (HttpContext context, string name, string version) => vault.HandleAsync(context, name, version, wrap: true));
        app.MapPost("/keys/{name}/{version}/unwrapkey", (HttpContext context, string name, string version) => vault.HandleAsync(context, name, version, wrap: false));
        await app.StartAsync();
        vault.Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return vault;
    }

    private async Task<IResult> HandleAsync(HttpContext context, string name, string? version, bool wrap)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        var headers = context.Request.Headers;
        Requests.Enqueue(new VaultRequest("POST", context.Request.Path, context.Request.Query["api-version"], headers.Authorization, headers.ContentType, body));
        if (!headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)) return Error(401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.");
        if (FailWith is { } status) return Error(status, status == 403 ? "Forbidden" : "ServiceUnavailable", "The fake vault was told to fail.");
        if (context.Request.Query["api-version"] != "7.4") return Error(400, "BadParameter", "api-version");
        version ??= latest;
        if (name != KeyName || !versions.TryGetValue(version, out var rsa)) return Error(404, "KeyNotFound", $"A key with (name/id) {name}/{version} was not found.");
        if ((string?)body?["alg"] != "RSA-OAEP-256" || (string?)body?["value"] is not { } value) return Error(400, "BadParameter", "alg and value are required.");
        var input = System.Buffers.Text.Base64Url.DecodeFromChars(value);
        byte[] output;
        try
        {
            output = wrap ? rsa.Encrypt(input, RSAEncryptionPadding.OaepSHA256) : rsa.Decrypt(input, RSAEncryptionPadding.OaepSHA256);
        }
        catch (CryptographicException)
        {
            return Error(400, "BadParameter", "Decryption failed.");
        }
        return Results.Json(new JsonObject { ["kid"] = KidOf(version), ["value"] = System.Buffers.Text.Base64Url.EncodeToString(output) });
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, statusCode: status);

    /// <summary>The client's transport: every connection goes to this fake, which alone is trusted for the vault's name.</summary>
    public KeyVaultKeyWrapperOptions ClientOptions()
    {
        var options = new KeyVaultKeyWrapperOptions();
        options.Retry.MaxRetries = 0;
        // Production's 3 s is a budget for a vault across the network. A first request here pays
        // for a cold Kestrel and a TLS handshake on a busy 2-core machine, which has taken longer;
        // these tests are about the requests and answers, not that budget.
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        options.Transport = new HttpClientTransport(new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString() },
        });
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        certificate.Dispose();
        foreach (var rsa in versions.Values) rsa.Dispose();
    }
}

/// <summary>The app's identity as the wrapper sees it: a token for whatever scope it asks, each scope recorded.</summary>
public sealed class RecordingCredential : TokenCredential
{
    public ConcurrentQueue<string> Scopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes) Scopes.Enqueue(scope);
        return new AccessToken("token-for-" + string.Join(" ", requestContext.Scopes), DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
