using CulturalServerless.Application.Access;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CulturalServerless.Functions.Auth;

/// <summary>
/// Validates the request's bearer token and turns it into the <see cref="Caller"/>: signature by
/// the trusted issuer's key with an allow-listed algorithm, issuer, audience, lifetime with two
/// minutes of clock skew; then roles and scope through the registry of API clients. Function keys
/// may guard the door, but only this decides who is calling.
/// </summary>
public sealed partial class CallerAuthenticator(
    AuthOptions options, TrustedIssuer issuer, ApiClientService clients, ILogger<CallerAuthenticator> logger)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>RS256 is what Entra ID signs access tokens with; nothing else (no none, no HMAC) is accepted.</summary>
    public static readonly IReadOnlyList<string> Algorithms = [SecurityAlgorithms.RsaSha256];

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public async Task<Caller> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var token = BearerToken(request);
        var validated = await ValidateAsync(token, cancellationToken);
        var subject = validated.Subject;
        if (string.IsNullOrWhiteSpace(subject)) throw Fail("the token has no subject");
        var clientId = validated.TryGetPayloadValue<string>("azp", out var azp) ? azp
            : validated.TryGetPayloadValue<string>("appid", out var appid) ? appid
            : null;
        var roles = validated.Claims.Where(c => c.Type == "roles").Select(c => c.Value);
        var caller = await clients.ResolveCallerAsync(subject, clientId, roles, cancellationToken);
        LogAuthenticated(subject, clientId, string.Join(",", caller.Roles));
        return caller;
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
            ValidAudience = options.Audience,
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
        // Also what a refused algorithm (none, HS256, RS512) comes back as: no accepted key verifies it.
        SecurityTokenInvalidAlgorithmException or SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException
            => "the token's signature is invalid",
        SecurityTokenMalformedException or ArgumentException => "the token is malformed",
        _ => "the token is invalid",
    };

    private static AuthenticationFailedException Fail(string description) => new(description);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Caller {Subject} via client {ClientId} with roles {Roles}")]
    private partial void LogAuthenticated(string subject, string? clientId, string roles);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bearer token rejected: {Kind} ({ExceptionType})")]
    private partial void LogRejected(string kind, string? exceptionType);
}
