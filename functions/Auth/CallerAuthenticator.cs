using CulturalServerless.Application.Access;
using CulturalServerless.Application.Jurisdictions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CulturalServerless.Functions.Auth;

/// <summary>
/// Validates the request's bearer token as Entra ID issues v2.0 access tokens and turns it into the
/// <see cref="Caller"/>: signature by the trusted issuer's key with an allow-listed algorithm, the
/// issuer of the authority's metadata, one of the API's two names as audience (its client ID, its
/// application ID URI), an access token's type, lifetime with two minutes of clock skew, version
/// 2.0 with its client in <c>azp</c>; then roles and scope through the registry of API clients.
/// v1.0 tokens are refused on purpose, with the fix in the error (docs/security.md). A client whose
/// registered scope names a unit that no longer exists is refused here (403 naming the successor).
/// Function keys may guard the door, but only this decides who is calling.
/// </summary>
public sealed partial class CallerAuthenticator(
    AuthOptions options, TrustedIssuer issuer, ApiClientService clients, ClientJurisdictions registeredScopes, ILogger<CallerAuthenticator> logger)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>RS256 is what Entra ID signs access tokens with; nothing else (no none, no HMAC) is accepted.</summary>
    public static readonly IReadOnlyList<string> Algorithms = [SecurityAlgorithms.RsaSha256];

    /// <summary>The <c>typ</c> header of an access token: Entra ID sends <c>JWT</c>; RFC 9068 issuers send <c>at+jwt</c>.</summary>
    public static readonly IReadOnlyList<string> TokenTypes = ["JWT", "at+jwt"];

    public const string V1Refused =
        "v1.0 access tokens are not accepted; set accessTokenAcceptedVersion to 2 in the API's app registration";

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public async Task<Caller> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var token = BearerToken(request);
        RefuseV1(token);
        var validated = await ValidateAsync(token, cancellationToken);
        // Every v2.0 access token says its version and names its client; an ID token (which can
        // carry the API's client ID as audience when someone signs in to the API itself) names none.
        if (!validated.TryGetPayloadValue<string>("ver", out var version) || version != "2.0") throw Fail("the token is not a v2.0 access token");
        var subject = validated.Subject;
        if (string.IsNullOrWhiteSpace(subject)) throw Fail("the token has no subject");
        if (!validated.TryGetPayloadValue<string>("azp", out var clientId) || string.IsNullOrWhiteSpace(clientId)) throw Fail("the token names no client (azp)");
        // App roles (an app-only token's, or the signed-in user's) are in roles; delegated scopes in
        // scp. A scope is what the client may ask the API for on the user's behalf, never a role.
        var roles = validated.Claims.Where(c => c.Type == "roles").Select(c => c.Value);
        var scopes = validated.TryGetPayloadValue<string>("scp", out var scp)
            ? scp.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : [];
        var caller = await clients.ResolveCallerAsync(subject, clientId, roles, cancellationToken) with { DelegatedScopes = scopes };
        LogAuthenticated(subject, clientId, string.Join(",", caller.Roles), scopes.Count > 0 ? string.Join(" ", scopes) : "(app-only)");
        await registeredScopes.RequireCurrentAsync(caller, cancellationToken);
        return caller;
    }

    /// <summary>
    /// A v1.0 token gets its own answer before validation, since its issuer would otherwise read as
    /// merely untrusted. Only a refusal rests on the unverified claim: nothing is accepted from it.
    /// </summary>
    private void RefuseV1(string token)
    {
        if (!handler.CanReadToken(token)) return;
        var unverified = handler.ReadJsonWebToken(token);
        if (unverified.TryGetPayloadValue<string>("ver", out var version) && version == "1.0")
        {
            LogRejected("v1.0 token", null);
            throw Fail(V1Refused);
        }
    }

    private async Task<JsonWebToken> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var result = await ValidateOnceAsync(token, cancellationToken);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException && !options.UsesDevelopmentIssuer)
        {
            // Entra ID may have rolled its keys since the metadata was cached: fetch it again, once.
            issuer.RequestRefresh();
            result = await ValidateOnceAsync(token, cancellationToken);
        }
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt) return jwt;
        var kind = Describe(result.Exception);
        LogRejected(kind, result.Exception?.GetType().Name);
        throw Fail(kind);
    }

    private async Task<TokenValidationResult> ValidateOnceAsync(string token, CancellationToken cancellationToken)
    {
        var (issuerName, keys) = await issuer.GetAsync(cancellationToken);
        return await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuerName,
            ValidAudiences = options.ValidAudiences,
            ValidTypes = TokenTypes,
            IssuerSigningKeys = keys,
            ValidAlgorithms = Algorithms,
            ClockSkew = ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            // A token names its key; trying every key would only hide a key that is not ours.
            TryAllIssuerSigningKeys = false,
        });
    }

    private static string BearerToken(HttpRequest request)
    {
        var headers = request.Headers.Authorization;
        if (headers.Count == 0 || string.IsNullOrWhiteSpace(headers[0])) throw new AuthenticationFailedException("no bearer token", tokenPresent: false);
        if (headers.Count > 1) throw Fail("more than one Authorization header");
        var value = headers[0]!.Trim();
        const string scheme = "Bearer ";
        if (!value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) throw Fail("the Authorization header is not a bearer token");
        var token = value[scheme.Length..].Trim();
        if (token.Length == 0) throw Fail("the bearer token is empty");
        return token;
    }

    /// <summary>The kind of failure in a few words, for the caller; the details stay in our logs.</summary>
    internal static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not yet valid",
        SecurityTokenNoExpirationException => "the token has no expiry",
        SecurityTokenInvalidAudienceException => "the token is for another audience",
        SecurityTokenInvalidIssuerException => "the token's issuer is not trusted",
        SecurityTokenInvalidTypeException => "the token is not an access token (typ)",
        // Also what a refused algorithm (none, HS256, RS512) comes back as: no accepted key verifies it.
        SecurityTokenInvalidAlgorithmException or SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException
            => "the token's signature is invalid",
        SecurityTokenMalformedException or ArgumentException => "the token is malformed",
        _ => "the token is invalid",
    };

    private static AuthenticationFailedException Fail(string description) => new(description);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Caller {Subject} via client {ClientId} with roles {Roles}, scopes {Scopes}")]
    private partial void LogAuthenticated(string subject, string clientId, string roles, string scopes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bearer token rejected: {Kind} ({ExceptionType})")]
    private partial void LogRejected(string kind, string? exceptionType);
}
