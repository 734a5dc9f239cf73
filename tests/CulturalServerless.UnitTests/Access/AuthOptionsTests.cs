using CulturalServerless.Functions.Auth;
using Microsoft.Extensions.Configuration;

namespace CulturalServerless.UnitTests.Access;

/// <summary>Exactly one trusted issuer and an audience, or the app does not start.</summary>
public sealed class AuthOptionsTests
{
    private static AuthOptions From(string? authority, string? audience, string? keyPath, string? siteName = null) =>
        AuthOptions.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Authority"] = authority,
            ["Auth:Audience"] = audience,
            ["Auth:DevelopmentIssuerKeyPath"] = keyPath,
            ["WEBSITE_SITE_NAME"] = siteName,
        }).Build());

    [Fact]
    public void Entra_id_or_the_development_issuer_is_accepted()
    {
        Assert.False(From("https://login.microsoftonline.com/contoso/v2.0", "api://cultural-serverless", null).UsesDevelopmentIssuer);
        Assert.True(From(null, "api://cultural-serverless", ".local/dev-issuer-key.json").UsesDevelopmentIssuer);
    }

    [Fact]
    public void The_development_issuer_is_refused_on_an_azure_app()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => From(null, "api://x", ".local/k.json", siteName: "func-api-abc123"));

        Assert.Contains("refused in Azure", failure.Message, StringComparison.Ordinal);
        Assert.False(From("https://login.microsoftonline.com/contoso/v2.0", "api://x", null, siteName: "func-api-abc123").UsesDevelopmentIssuer);
    }

    [Theory]
    [InlineData(null, "api://x", null, "neither is set")]
    [InlineData("https://login.microsoftonline.com/contoso/v2.0", "api://x", ".local/k.json", "both are set")]
    [InlineData(null, null, ".local/k.json", "Auth__Audience")]
    [InlineData("http://login.microsoftonline.com/contoso/v2.0", "api://x", null, "https://")]
    [InlineData("login.microsoftonline.com", "api://x", null, "https://")]
    public void Anything_else_fails_at_start_up_with_a_clear_message(string? authority, string? audience, string? keyPath, string message)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => From(authority, audience, keyPath));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }
}
