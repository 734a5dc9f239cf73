using System.Security.Claims;
using System.Security.Cryptography;
using CulturalServerless.Storage.Secrets;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CulturalServerless.Functions.Auth;

/// <summary>
/// The local development issuer: an RSA key in a git-ignored file, and tokens signed with it for
/// <c>./run.sh token</c>. Trusted only when <see cref="AuthOptions"/> says so explicitly and never
/// on Azure hosting. The app only reads the key: it is created by <c>./run.sh</c> (the runner's
/// <c>local-keys</c> command) and <c>./run.sh token</c>, so that an app that finds no key fails to
/// start rather than quietly trusting a key nobody meant to create.
/// </summary>
public static class DevelopmentIssuer
{
    public const string Issuer = "https://127.0.0.1/cultural-serverless-dev";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    /// <summary>Creates the key file (a private JWK, readable by its owner only) unless it exists; true when it was created here.</summary>
    public static bool CreateKeyIfMissing(string path)
    {
        if (File.Exists(Path.GetFullPath(path))) return false;
        using var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(includePrivateParameters: true);
        static string B64(byte[]? bytes) => Base64UrlEncoder.Encode(bytes!);
        var jwk = new System.Text.Json.Nodes.JsonObject
        {
            ["kty"] = "RSA", ["use"] = "sig", ["alg"] = SecurityAlgorithms.RsaSha256,
            ["kid"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12)),
            ["n"] = B64(p.Modulus), ["e"] = B64(p.Exponent), ["d"] = B64(p.D), ["p"] = B64(p.P), ["q"] = B64(p.Q),
            ["dp"] = B64(p.DP), ["dq"] = B64(p.DQ), ["qi"] = B64(p.InverseQ),
        };
        return LocalKeyFile.TryCreate(path, jwk.ToJsonString());
    }

    /// <summary>Reads the key (a private JWK); a missing file is a start-up error, never a new key.</summary>
    public static JsonWebKey LoadKey(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InvalidOperationException(
                $"The development issuer's key {full} does not exist. ./run.sh and ./run.sh token create it; "
                + "the app itself never creates a key it would then trust.");
        }
        var key = new JsonWebKey(File.ReadAllText(full));
        if (key.Kty != JsonWebAlgorithmsKeyTypes.RSA || !key.HasPrivateKey)
        {
            throw new InvalidOperationException($"{full} is not an RSA private key (JWK); delete it and run ./run.sh to make a new one.");
        }
        return key;
    }

    /// <summary>
    /// An app-only token shaped like Entra ID's v2.0 access tokens (app role assignment): the API's
    /// client ID as audience, sub, azp and azpacr (1: a client secret), roles, ver 2.0, lifetime.
    /// </summary>
    public static string IssueToken(JsonWebKey key, string audience, string subject, string clientId, IEnumerable<string> roles,
        DateTimeOffset now, TimeSpan lifetime)
    {
        var claims = new List<Claim> { new("sub", subject), new("azp", clientId), new("azpacr", "1"), new("ver", "2.0") };
        claims.AddRange(roles.Select(role => new Claim("roles", role)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}
