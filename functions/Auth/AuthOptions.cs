using Microsoft.Extensions.Configuration;

namespace CulturalServerless.Functions.Auth;

/// <summary>
/// Where bearer tokens come from (settings <c>Auth__*</c>). Exactly one issuer is trusted: Entra ID
/// through <see cref="Authority"/> in Azure, or the local development issuer whose key lives at
/// <see cref="DevelopmentIssuerKeyPath"/>. Anything else stops the app at start-up, because an API
/// that silently trusts nobody (or the wrong issuer) is worse than one that does not start.
/// </summary>
public sealed record AuthOptions(string? Authority, string Audience, string? DevelopmentIssuerKeyPath)
{
    public const string Section = "Auth";

    public bool UsesDevelopmentIssuer => DevelopmentIssuerKeyPath is not null;

    public static AuthOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        static string? Value(IConfigurationSection s, string key) => string.IsNullOrWhiteSpace(s[key]) ? null : s[key]!.Trim();
        var authority = Value(section, "Authority");
        var audience = Value(section, "Audience");
        var keyPath = Value(section, "DevelopmentIssuerKeyPath");

        if (audience is null)
        {
            throw new InvalidOperationException("Auth__Audience is not set: set it to the API's application ID URI (e.g. api://cultural-serverless).");
        }
        if (authority is null == keyPath is null)
        {
            throw new InvalidOperationException(
                "Set exactly one of Auth__Authority (Entra ID, e.g. https://login.microsoftonline.com/<tenant>/v2.0) "
                + "and Auth__DevelopmentIssuerKeyPath (local development only, e.g. .local/dev-issuer-key.json); "
                + (authority is null ? "neither is set." : "both are set."));
        }
        // App Service and Functions in Azure always set WEBSITE_SITE_NAME: a key file on a server is
        // not a development issuer any more, whatever the settings say.
        if (keyPath is not null && !string.IsNullOrEmpty(configuration["WEBSITE_SITE_NAME"]))
        {
            throw new InvalidOperationException("Auth__DevelopmentIssuerKeyPath is for local development only and is refused in Azure; set Auth__Authority.");
        }
        if (authority is not null
            && (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"Auth__Authority must be an absolute https:// URL; got '{authority}'.");
        }
        return new AuthOptions(authority, audience, keyPath);
    }
}
