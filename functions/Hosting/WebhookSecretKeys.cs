using Azure.Core;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Functions.Auth;
using CulturalServerless.Storage.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CulturalServerless.Functions.Hosting;

/// <summary>
/// Which key encrypts the webhook secrets: <c>Webhooks__SecretKeyId</c>, a Key Vault key (Azure),
/// or <c>Webhooks__SecretKeyPath</c>, a key file on a developer's machine — exactly one, and the
/// file never on Azure hosting. Checked at start-up, so a missing key stops the app there.
/// </summary>
internal static class WebhookSecretKeys
{
    public static IServiceCollection AddWebhookSecretKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(WebhookDeliveryOptions.Section);
        var keyId = string.IsNullOrWhiteSpace(section["SecretKeyId"]) ? null : section["SecretKeyId"]!.Trim();
        var keyPath = string.IsNullOrWhiteSpace(section["SecretKeyPath"]) ? null : section["SecretKeyPath"]!.Trim();
        if (keyId is null == keyPath is null)
        {
            throw new InvalidOperationException(
                "Set exactly one of Webhooks__SecretKeyId (a Key Vault key, in Azure) and Webhooks__SecretKeyPath "
                + "(a key file, locally: .local/webhook-secrets-key.json); " + (keyId is null ? "neither is set." : "both are set."));
        }
        if (keyId is not null)
        {
            if (!Uri.TryCreate(keyId, UriKind.Absolute, out var uri))
            {
                throw new InvalidOperationException($"Webhooks__SecretKeyId must be a Key Vault key id (https://<vault>.vault.azure.net/keys/<name>); got '{keyId}'.");
            }
            // Checked now; the credential is the app's identity, from the container.
            KeyVaultKeyWrapper.KeyName(uri);
            services.AddSingleton<IKeyWrapper>(sp => new KeyVaultKeyWrapper(uri, sp.GetRequiredService<TokenCredential>()));
        }
        else
        {
            if (AzureHosting.Detect(configuration) is { } marker)
            {
                throw new InvalidOperationException(
                    $"Webhooks__SecretKeyPath is refused: this process runs on Azure hosting ({marker} is set); use a Key Vault key (Webhooks__SecretKeyId).");
            }
            services.AddSingleton<IKeyWrapper>(new LocalKeyWrapper(keyPath!));
        }
        services.AddSingleton<WebhookSecretProtector>();
        return services;
    }
}
