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
public sealed record AuthOptions(string? Authority, string Audience, string? DevelopmentIssuerKeyPath)
{
    public const string Section = "Auth";

    public bool UsesDevelopmentIssuer => DevelopmentIssuerKeyPath is not null;

    public static AuthOptions From(IConfiguration configuration, IDictionary? environment = null)
    {
        var section = configuration.GetSection(Section);
        static string? Value(IConfigurationSection s, string key) => string.IsNullOrWhiteSpace(s[key]) ? null : s[key]!.Trim();
        var authority = Value(section, "Authority");
        var audience = Value(section, "Audience");
        var keyPath = Value(section, "DevelopmentIssuerKeyPath");
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
            return new AuthOptions(null, audience, keyPath);
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
        return new AuthOptions(authority, audience, null);
    }
}
