namespace CulturalServerless.UnitTests.Infrastructure;

/// <summary>
/// One settings vocabulary: every app setting the code reads is named the same in
/// local.settings.sample.json (local development) and in the Bicep app settings (Azure). A setting
/// may differ between the two only when it is listed below with the reason.
/// </summary>
public sealed class SettingsVocabularyTests
{
    private const string SamplePath = "local.settings.sample.json";
    private const string AppBicepPath = "infra/app/api.bicep";

    /// <summary>In the sample but deliberately not set in Azure.</summary>
    private static readonly Dictionary<string, string> LocalOnly = new(StringComparer.Ordinal)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] =
            "Flex Consumption takes the runtime from functionAppConfig.runtime and rejects this setting.",
        ["AzureWebJobsStorage"] =
            "Connection string with the Azurite key; Azure uses the identity-based AzureWebJobsStorage__* settings.",
        ["ReportStorage"] =
            "Connection string with the Azurite key; Azure uses the identity-based ReportStorage__* settings.",
        ["Cosmos__ConnectionString"] =
            "Connection string with the emulator key; Azure uses Cosmos__AccountEndpoint and the identity (local auth is off).",
        ["Cosmos__CreateIfMissing"] =
            "Creates the emulator's database and containers; in Azure the Bicep template owns them.",
        ["Signing__PfxPath"] =
            "The development signing certificate that ./run.sh generates; in Azure the certificate is in Key Vault.",
        ["Signing__PfxPassword"] =
            "The password of that PFX file (none for the development one); in Azure no key is ever in a file.",
        ["Auth__DevelopmentIssuerKeyPath"] =
            "The local development issuer's key file; Azure trusts Entra ID through Auth__Authority, and the app refuses both at once.",
        ["Webhooks__SecretKeyPath"] =
            "The webhook secrets' key file that ./run.sh makes; in Azure the key is in Key Vault (Webhooks__SecretKeyId), and the file is refused there.",
        ["Auth__DevelopmentIssuer__Enabled"] =
            "Trusts the local development issuer; the app refuses it on Azure hosting whatever the settings say.",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] =
            "A local OpenTelemetry collector, when one runs; in Azure telemetry goes to Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING).",
        ["Telemetry__Console"] =
            "Prints spans and metrics to the local console; in Azure they go to Application Insights.",
    };

    /// <summary>Set in Azure but deliberately absent from the sample.</summary>
    private static readonly Dictionary<string, string> AzureOnly = new(StringComparer.Ordinal)
    {
        ["AzureWebJobsStorage__blobServiceUri"] = "Identity-based form of AzureWebJobsStorage.",
        ["AzureWebJobsStorage__queueServiceUri"] = "Identity-based form of AzureWebJobsStorage.",
        ["AzureWebJobsStorage__credential"] = "Identity-based form of AzureWebJobsStorage.",
        ["AzureWebJobsStorage__clientId"] = "Identity-based form of AzureWebJobsStorage.",
        ["ReportStorage__blobServiceUri"] = "Identity-based form of ReportStorage (the local connection string).",
        ["ReportStorage__queueServiceUri"] = "Identity-based form of ReportStorage; the blob trigger's poison queue.",
        ["ReportStorage__credential"] = "Identity-based form of ReportStorage.",
        ["ReportStorage__clientId"] = "Identity-based form of ReportStorage.",
        ["Cosmos__AccountEndpoint"] = "Azure form of Cosmos__ConnectionString: endpoint plus identity, no key.",
        ["AZURE_CLIENT_ID"] = "Selects the user-assigned managed identity, which exists only in Azure.",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "Telemetry goes to Application Insights only from Azure.",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Entra ID ingestion with the managed identity; Azure only.",
        ["Signing__KeyVaultUri"] = "The signing certificate is kept in Key Vault, which exists only in Azure (no emulator).",
        ["Webhooks__SecretKeyId"] = "The Key Vault key that wraps the webhook secrets; locally a key file (Webhooks__SecretKeyPath) stands in for it.",
        ["Auth__Authority"] = "Entra ID's OpenID Connect metadata; locally the development issuer (Auth__DevelopmentIssuerKeyPath) stands in for it.",
    };

    /// <summary>Settings a Flex Consumption app must not have, or that would carry a key.</summary>
    private static readonly string[] ForbiddenInAzure =
    [
        "FUNCTIONS_WORKER_RUNTIME",
        "FUNCTIONS_EXTENSION_VERSION",
        "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
        "WEBSITE_CONTENTSHARE",
        "AzureWebJobsStorage",
        "ReportStorage",
        "Cosmos__ConnectionString",
        "Cosmos__CreateIfMissing",
        "Signing__PfxPath",
        "Signing__PfxPassword",
        "Auth__DevelopmentIssuerKeyPath",
        "Auth__DevelopmentIssuer__Enabled",
        "Webhooks__SecretKeyPath",
    ];

    [Fact]
    public void Every_sample_setting_is_set_in_Azure_under_the_same_name_unless_local_only()
    {
        var azure = AzureSettings().ToHashSet(StringComparer.Ordinal);

        var missing = SampleSettings().Where(name => !azure.Contains(name) && !LocalOnly.ContainsKey(name)).ToList();

        Assert.True(missing.Count == 0,
            $"Settings in {SamplePath} that {AppBicepPath} does not set: {string.Join(", ", missing)}. " +
            "Set them in the appsettings resource, or list them in LocalOnly with the reason.");
    }

    [Fact]
    public void Every_Azure_setting_is_in_the_sample_unless_Azure_only()
    {
        var sample = SampleSettings().ToHashSet(StringComparer.Ordinal);

        var unexplained = AzureSettings().Where(name => !sample.Contains(name) && !AzureOnly.ContainsKey(name)).ToList();

        Assert.True(unexplained.Count == 0,
            $"Settings {AppBicepPath} sets that {SamplePath} lacks: {string.Join(", ", unexplained)}. " +
            "Add them to the sample with a local value, or list them in AzureOnly with the reason.");
    }

    [Fact]
    public void The_exception_lists_name_only_settings_that_exist_on_their_side()
    {
        var sample = SampleSettings().ToHashSet(StringComparer.Ordinal);
        var azure = AzureSettings().ToHashSet(StringComparer.Ordinal);

        var staleLocalOnly = LocalOnly.Keys.Where(name => !sample.Contains(name) || azure.Contains(name)).ToList();
        var staleAzureOnly = AzureOnly.Keys.Where(name => !azure.Contains(name) || sample.Contains(name)).ToList();

        Assert.True(staleLocalOnly.Count == 0, $"LocalOnly entries no longer local-only: {string.Join(", ", staleLocalOnly)}.");
        Assert.True(staleAzureOnly.Count == 0, $"AzureOnly entries no longer Azure-only: {string.Join(", ", staleAzureOnly)}.");
    }

    [Fact]
    public void Azure_sets_no_setting_that_Flex_Consumption_rejects_or_that_carries_a_key()
    {
        var forbidden = AzureSettings().Intersect(ForbiddenInAzure, StringComparer.Ordinal).ToList();

        Assert.Empty(forbidden);
    }

    [Fact]
    public void Azure_app_settings_are_set_once_each()
    {
        var duplicates = AzureSettings().GroupBy(name => name, StringComparer.Ordinal)
            .Where(group => group.Count() > 1).Select(group => group.Key).ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_setting_uses_the_double_underscore_section_separator()
    {
        // A ':' works on Windows only; Linux app settings (and so Flex Consumption) need "__".
        var colon = SampleSettings().Concat(AzureSettings()).Where(name => name.Contains(':')).ToList();

        Assert.Empty(colon);
    }

    private static IReadOnlyList<string> SampleSettings()
    {
        using var document = JsonDocument.Parse(RepositoryFiles.ReadAllText(SamplePath));
        return document.RootElement.GetProperty("Values").EnumerateObject().Select(property => property.Name).ToList();
    }

    private static IReadOnlyList<string> AzureSettings()
    {
        var names = BicepObjectKeys.OfResourceProperties(RepositoryFiles.ReadAllText(AppBicepPath), "appsettings");
        Assert.NotEmpty(names);
        return names;
    }
}
