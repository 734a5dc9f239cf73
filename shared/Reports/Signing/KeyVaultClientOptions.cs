using Azure.Core;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// How <see cref="KeyVaultClient"/> talks to Key Vault: Azure.Core's retry, timeout and transport
/// settings, and the token scope when the vault is not in the public cloud's naming.
/// </summary>
public sealed class KeyVaultClientOptions : ClientOptions
{
    public KeyVaultClientOptions()
    {
        // A report waits for its signature: two quick retries, then the render fails and the
        // trigger tries again later.
        Retry.MaxRetries = 2;
        Retry.Delay = TimeSpan.FromMilliseconds(500);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }

    /// <summary>The Entra ID scope of the token; null: derived from the vault's host (kv.vault.azure.net → https://vault.azure.net/.default).</summary>
    public string? Scope { get; set; }

    public const string ApiVersion = "7.4";
}
