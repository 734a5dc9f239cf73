using System.Collections;
using Microsoft.Extensions.Configuration;

namespace CulturalServerless.Functions.Auth;

/// <summary>
/// Where bearer tokens come from (settings <c>Auth__*</c>). Exactly one issuer is trusted: Entra ID
/// through <see cref="Authority"/> in Azure, or — only when <c>Auth__DevelopmentIssuer__Enabled</c>
/// is <c>true</c> and the process is not on Azure hosting (<see cref="AzureHosting"/>) — the local
/// development issuer whose key lives at <see cref="DevelopmentIssuerKeyPath"/>. Anything else stops
/// the app at start-up, because an API that silently trusts nobody (or the wrong issuer) is worse
/// than one that does not start.
/// </summary>
/// <param name="Authority">Entra ID's tenant authority, <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</param>
/// <param name="Audience">The API's application ID URI (<c>Auth__Audience</c>), as tokens asked for by that URI carry it.</param>
/// <param name="ClientId">The API's application (client) ID (<c>Auth__ClientId</c>): v2.0 access tokens carry this GUID as <c>aud</c>.</param>
/// <param name="DevelopmentIssuerKeyPath">The development issuer's key file, when that issuer is the trusted one.</param>
public sealed record AuthOptions(string? Authority, string Audience, string? ClientId, string? DevelopmentIssuerKeyPath)
{
    public const string Section = "Auth";

    public bool UsesDevelopmentIssuer => DevelopmentIssuerKeyPath is not null;

    /// <summary>Both names of the API: Entra ID puts the client ID in v2.0 tokens, the URI in tokens asked for by it.</summary>
    public IReadOnlyList<string> ValidAudiences => ClientId is null ? [Audience] : [ClientId, Audience];

    /// <summary>What the development issuer puts in <c>aud</c>: the client ID, as Entra ID does in v2.0 tokens.</summary>
    public string TokenAudience => ClientId ?? Audience;

    /// <summary>Authorities that are not one tenant: their metadata names no issuer a token can match.</summary>
    private static readonly string[] MultiTenantSegments = ["common", "organizations", "consumers"];

    public static AuthOptions From(IConfiguration configuration, IDictionary? environment = null)
    {
        var section = configuration.GetSection(Section);
        static string? Value(IConfigurationSection s, string key) => string.IsNullOrWhiteSpace(s[key]) ? null : s[key]!.Trim();
        var authority = Value(section, "Authority");
        var audience = Value(section, "Audience");
        var keyPath = Value(section, "DevelopmentIssuerKeyPath");
        var clientId = Value(section, "ClientId");
        var enabledText = Value(section, "DevelopmentIssuer:Enabled");
        if (enabledText is not null && !bool.TryParse(enabledText, out _))
        {
            throw new InvalidOperationException($"Auth__DevelopmentIssuer__Enabled must be true or false; got '{enabledText}'.");
        }
        var development = enabledText is not null && bool.Parse(enabledText);

        if (audience is null)
        {
            throw new InvalidOperationException("Auth__Audience is not set: set it to the API's application ID URI (e.g. api://cultural-serverless).");
        }
        if (clientId is not null && !Guid.TryParseExact(clientId, "D", out _))
        {
            throw new InvalidOperationException($"Auth__ClientId must be the API app registration's application (client) ID, a GUID; got '{clientId}'.");
        }
        if (development)
        {
            // Checked first and whatever else is set: on Azure the development issuer is refused
            // even if someone copied the local settings there.
            if (AzureHosting.Detect(configuration, environment) is { } marker)
            {
                throw new InvalidOperationException(
                    $"Auth__DevelopmentIssuer__Enabled=true is refused: this process runs on Azure hosting ({marker} is set). "
                    + "The development issuer is for a developer's machine only; set Auth__Authority to Entra ID.");
            }
            if (authority is not null)
            {
                throw new InvalidOperationException("Auth__Authority and Auth__DevelopmentIssuer__Enabled=true are both set: trust one issuer only.");
            }
            if (keyPath is null)
            {
                throw new InvalidOperationException("Auth__DevelopmentIssuer__Enabled=true needs Auth__DevelopmentIssuerKeyPath (e.g. .local/dev-issuer-key.json).");
            }
            return new AuthOptions(null, audience, clientId, keyPath);
        }
        if (authority is null)
        {
            throw new InvalidOperationException(keyPath is null
                ? "No token issuer is configured: set Auth__Authority (Entra ID, e.g. https://login.microsoftonline.com/<tenant>/v2.0), "
                  + "or locally Auth__DevelopmentIssuer__Enabled=true with Auth__DevelopmentIssuerKeyPath."
                : "Auth__DevelopmentIssuerKeyPath is set but Auth__DevelopmentIssuer__Enabled is not true: the development issuer "
                  + "is trusted only when asked for explicitly (local.settings.sample.json sets it).");
        }
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"Auth__Authority must be an absolute https:// URL; got '{authority}'.");
        }
        if (uri.Segments.Select(segment => segment.Trim('/')).Any(segment => MultiTenantSegments.Contains(segment, StringComparer.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"Auth__Authority must name the tenant (https://login.microsoftonline.com/<tenant id>/v2.0), not '{authority}'.");
        }
        if (clientId is null)
        {
            throw new InvalidOperationException(
                "Auth__ClientId is not set: with Entra ID set it to the API app registration's application (client) ID, "
                + "the audience of its v2.0 access tokens.");
        }
        return new AuthOptions(authority, audience, clientId, null);
    }
}
