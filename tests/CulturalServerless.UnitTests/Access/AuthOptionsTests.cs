using System.Collections;
using CulturalServerless.Functions.Auth;
using Microsoft.Extensions.Configuration;

namespace CulturalServerless.UnitTests.Access;

/// <summary>Exactly one trusted issuer and an audience, or the app does not start; the development issuer only when asked for, and never on Azure.</summary>
public sealed class AuthOptionsTests
{
    private const string Entra = "https://login.microsoftonline.com/9b2c4e61-3f0a-4d7e-8c15-6a2e0b9d4f73/v2.0";
    private const string ApiClientId = "5d2f7c1e-8a4b-4c39-9e60-3b1a0f7d2c84";

    private static AuthOptions From(
        string? authority, string? audience, string? keyPath, string? enabled = null,
        IDictionary<string, string?>? settings = null, IDictionary? environment = null, string? clientId = ApiClientId)
    {
        var values = new Dictionary<string, string?>
        {
            ["Auth:Authority"] = authority,
            ["Auth:Audience"] = audience,
            ["Auth:ClientId"] = clientId,
            ["Auth:DevelopmentIssuerKeyPath"] = keyPath,
            ["Auth:DevelopmentIssuer:Enabled"] = enabled,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        return AuthOptions.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), environment ?? new Hashtable());
    }

    [Fact]
    public void Entra_id_or_the_explicitly_enabled_development_issuer_is_accepted()
    {
        Assert.False(From(Entra, "api://cultural-serverless", null).UsesDevelopmentIssuer);
        Assert.True(From(null, "api://cultural-serverless", ".local/dev-issuer-key.json", enabled: "true").UsesDevelopmentIssuer);
    }

    [Fact]
    public void A_key_path_without_the_enabled_flag_trusts_nothing_and_says_what_is_missing()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => From(null, "api://x", ".local/k.json"));
        var disabled = Assert.Throws<InvalidOperationException>(() => From(null, "api://x", ".local/k.json", enabled: "false"));

        Assert.Contains("Auth__DevelopmentIssuer__Enabled is not true", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Auth__DevelopmentIssuer__Enabled is not true", disabled.Message, StringComparison.Ordinal);
        // With Entra ID configured, a stray key path is not a second issuer.
        Assert.False(From(Entra, "api://x", ".local/k.json").UsesDevelopmentIssuer);
    }

    [Theory]
    [InlineData("WEBSITE_SITE_NAME", "func-api-abc123")]
    [InlineData("WEBSITE_INSTANCE_ID", "a1b2c3")]
    [InlineData("WEBSITE_OWNER_NAME", "sub+rg-webspace")]
    [InlineData("CONTAINER_APP_NAME", "api")]
    [InlineData("IDENTITY_ENDPOINT", "http://localhost:42356/msi/token")]
    [InlineData("MSI_ENDPOINT", "http://127.0.0.1:41741/MSI/token/")]
    [InlineData("AZURE_FEDERATED_TOKEN_FILE", "/var/run/secrets/azure/tokens/azure-identity-token")]
    public void The_development_issuer_is_refused_on_azure_hosting_from_the_process_environment(string variable, string value)
    {
        var failure = Assert.Throws<InvalidOperationException>(() =>
            From(null, "api://x", ".local/k.json", enabled: "true", environment: new Hashtable { [variable] = value }));

        Assert.Contains("runs on Azure hosting", failure.Message, StringComparison.Ordinal);
        Assert.Contains(variable, failure.Message, StringComparison.Ordinal);
        Assert.False(From(Entra, "api://x", null, environment: new Hashtable { [variable] = value }).UsesDevelopmentIssuer);
    }

    [Fact]
    public void The_development_issuer_is_refused_when_the_app_settings_carry_a_hosting_marker()
    {
        var failure = Assert.Throws<InvalidOperationException>(() =>
            From(null, "api://x", ".local/k.json", enabled: "true", settings: new Dictionary<string, string?> { ["WEBSITE_SITE_NAME"] = "func-api-abc123" }));

        Assert.Contains("WEBSITE_SITE_NAME", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_functions_extension_version_counts_as_azure_only_with_a_website_variable()
    {
        var alone = new Hashtable { ["FUNCTIONS_EXTENSION_VERSION"] = "~4" };
        var withWebsite = new Hashtable { ["FUNCTIONS_EXTENSION_VERSION"] = "~4", ["WEBSITE_CONTENTSHARE"] = "func-api-abc123" };

        Assert.True(From(null, "api://x", ".local/k.json", enabled: "true", environment: alone).UsesDevelopmentIssuer);
        var failure = Assert.Throws<InvalidOperationException>(() => From(null, "api://x", ".local/k.json", enabled: "true", environment: withWebsite));
        Assert.Contains("FUNCTIONS_EXTENSION_VERSION with WEBSITE_CONTENTSHARE", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "api://x", null, null, "No token issuer is configured")]
    [InlineData(Entra, "api://x", ".local/k.json", "true", "both set")]
    [InlineData(null, "api://x", null, "true", "needs Auth__DevelopmentIssuerKeyPath")]
    [InlineData(null, "api://x", ".local/k.json", "yes", "true or false")]
    [InlineData(null, null, ".local/k.json", "true", "Auth__Audience")]
    [InlineData("http://login.microsoftonline.com/contoso/v2.0", "api://x", null, null, "https://")]
    [InlineData("login.microsoftonline.com", "api://x", null, null, "https://")]
    public void Anything_else_fails_at_start_up_with_a_clear_message(string? authority, string? audience, string? keyPath, string? enabled, string message)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => From(authority, audience, keyPath, enabled));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_entra_id_both_the_client_id_and_the_application_id_uri_are_audiences()
    {
        var options = From(Entra, "api://cultural-serverless", null);

        Assert.Equal([ApiClientId, "api://cultural-serverless"], options.ValidAudiences);
        Assert.Equal(ApiClientId, options.TokenAudience);
    }

    [Theory]
    [InlineData(null, "Auth__ClientId is not set")]
    [InlineData("api://cultural-serverless", "a GUID")]
    [InlineData("{5d2f7c1e-8a4b-4c39-9e60-3b1a0f7d2c84}", "a GUID")]
    public void Entra_id_needs_the_APIs_client_id_as_a_guid(string? clientId, string message)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => From(Entra, "api://cultural-serverless", null, clientId: clientId));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/common/v2.0")]
    [InlineData("https://login.microsoftonline.com/organizations/v2.0")]
    public void A_multi_tenant_authority_is_refused_because_its_metadata_names_no_issuer_a_token_can_match(string authority)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => From(authority, "api://x", null));

        Assert.Contains("must name the tenant", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_file_stops_the_app_instead_of_a_new_key_being_trusted()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-key-{Guid.NewGuid():N}.json");

        var failure = Assert.Throws<InvalidOperationException>(() => TrustedIssuer.From(From(null, "api://x", path, enabled: "true")));

        Assert.Contains("does not exist", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
