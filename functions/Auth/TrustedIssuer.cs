using System.Security.Cryptography;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CulturalServerless.Functions.Auth;

/// <summary>The one issuer the app trusts and its current signing keys: the seam to the identity provider.</summary>
public abstract class TrustedIssuer
{
    public abstract Task<(string Issuer, IReadOnlyCollection<SecurityKey> Keys)> GetAsync(CancellationToken cancellationToken);

    /// <summary>Asks for fresh keys, e.g. when a token names a key the cached metadata lacks (key rollover).</summary>
    public virtual void RequestRefresh()
    {
    }

    public static TrustedIssuer From(AuthOptions options) => options.UsesDevelopmentIssuer
        ? new DevelopmentTrustedIssuer(options.DevelopmentIssuerKeyPath!)
        : new OpenIdConnectTrustedIssuer(options.Authority!);
}

/// <summary>
/// Entra ID: issuer and keys from <c>{authority}/.well-known/openid-configuration</c>, cached and
/// refreshed by the ConfigurationManager (every 12 hours, or on request after a key rollover, at
/// most every 5 minutes).
/// </summary>
public sealed class OpenIdConnectTrustedIssuer(string authority, IDocumentRetriever? retriever = null) : TrustedIssuer
{
    public static string MetadataAddress(string authority) => authority.TrimEnd('/') + "/.well-known/openid-configuration";

    private readonly ConfigurationManager<OpenIdConnectConfiguration> metadata = new(
        MetadataAddress(authority),
        new OpenIdConnectConfigurationRetriever(),
        retriever ?? new HttpDocumentRetriever { RequireHttps = true });

    public override async Task<(string Issuer, IReadOnlyCollection<SecurityKey> Keys)> GetAsync(CancellationToken cancellationToken)
    {
        var configuration = await metadata.GetConfigurationAsync(cancellationToken);
        return (configuration.Issuer, configuration.SigningKeys.ToList());
    }

    public override void RequestRefresh() => metadata.RequestRefresh();
}

/// <summary>
/// The local development issuer: its public key, read once from the key file when the app starts,
/// so a missing key stops the app there (see <see cref="DevelopmentIssuer.LoadKey"/>).
/// </summary>
public sealed class DevelopmentTrustedIssuer : TrustedIssuer
{
    private readonly SecurityKey publicKey;

    public DevelopmentTrustedIssuer(string keyPath)
    {
        var jwk = DevelopmentIssuer.LoadKey(keyPath);
        // Validation needs only the public half; the private one stays in the file.
        publicKey = new RsaSecurityKey(new RSAParameters
        {
            Modulus = Base64UrlEncoder.DecodeBytes(jwk.N),
            Exponent = Base64UrlEncoder.DecodeBytes(jwk.E),
        })
        { KeyId = jwk.Kid };
    }

    public override Task<(string Issuer, IReadOnlyCollection<SecurityKey> Keys)> GetAsync(CancellationToken cancellationToken) =>
        Task.FromResult<(string, IReadOnlyCollection<SecurityKey>)>((DevelopmentIssuer.Issuer, [publicKey]));
}
