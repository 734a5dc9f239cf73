using System.Collections;
using Microsoft.Extensions.Configuration;

namespace CulturalServerless.Functions.Auth;

/// <summary>
/// Whether this process runs on Azure hosting, from the environment variables the platforms set
/// themselves (App Service and Functions: "Environment variables and app settings in Azure App
/// Service"; Container Apps: its built-in variables; managed identity: the endpoint variables of
/// App Service, Functions, Container Apps, Service Fabric and Arc; AKS workload identity). Any one
/// of them is enough: the development issuer must never be trusted where one is set, whatever the
/// app settings say, so a missing marker fails open only on a machine that is not Azure.
/// </summary>
public static class AzureHosting
{
    /// <summary>Each of these alone says the process is hosted on Azure.</summary>
    public static readonly IReadOnlyList<string> Markers =
    [
        // App Service and Azure Functions (every plan, Flex Consumption included).
        "WEBSITE_SITE_NAME", "WEBSITE_INSTANCE_ID", "WEBSITE_OWNER_NAME", "WEBSITE_RESOURCE_GROUP", "WEBSITE_SKU", "WEBSITE_DEPLOYMENT_ID",
        // Azure Container Apps.
        "CONTAINER_APP_NAME", "CONTAINER_APP_REVISION", "CONTAINER_APP_ENV_DNS_SUFFIX",
        // A managed identity endpoint next to the process.
        "IDENTITY_ENDPOINT", "IDENTITY_HEADER", "MSI_ENDPOINT", "MSI_SECRET",
        // AKS workload identity.
        "AZURE_FEDERATED_TOKEN_FILE",
    ];

    /// <summary>
    /// The Functions host sets this in Azure, and so may a developer locally: it counts only
    /// together with any <c>WEBSITE_*</c> variable.
    /// </summary>
    public const string FunctionsExtensionVersion = "FUNCTIONS_EXTENSION_VERSION";

    /// <summary>The first marker found in the app settings or the process environment, or null off Azure.</summary>
    public static string? Detect(IConfiguration configuration, IDictionary? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariables();
        bool IsSet(string name) => !string.IsNullOrEmpty(configuration[name]) || !string.IsNullOrEmpty(environment[name] as string);

        if (Markers.FirstOrDefault(IsSet) is { } marker) return marker;
        if (!IsSet(FunctionsExtensionVersion)) return null;
        var website = environment.Keys.OfType<string>()
            .Concat(configuration.AsEnumerable().Select(pair => pair.Key))
            .FirstOrDefault(name => name.StartsWith("WEBSITE_", StringComparison.OrdinalIgnoreCase) && IsSet(name));
        return website is null ? null : $"{FunctionsExtensionVersion} with {website}";
    }
}
