using Azure.Identity;
using CulturalServerless.Application.Access;
using CulturalServerless.Storage;
using CulturalServerless.Storage.Cosmos;

namespace CulturalServerless.LocalRunner;

/// <summary>
/// <c>dotnet run --project tools/LocalRunner -- bootstrap-admin --client-id ID --name NAME</c>:
/// writes the registry's first admin entry straight into Cosmos DB, with the operator's own Entra
/// credential (Cosmos DB data-plane rights, which azd grants the deploying principal). The API
/// honours no role, admin included, without a registry entry, so the first one cannot come
/// through the API; every later one does (PUT /api/clients, recorded with who made it). It refuses
/// once the registry has any admin: from then on it is not a way around the API.
/// </summary>
internal static class BootstrapAdminCommand
{
    public const string Name = "bootstrap-admin";

    private const string Usage =
        "usage: bootstrap-admin --client-id ID --name NAME [--settings local.settings.json]  "
        + "(Cosmos__AccountEndpoint and Cosmos__Database from the environment in Azure)";

    public static async Task<int> RunAsync(string[] args, string? settingsPath, TextWriter output, TextWriter error)
    {
        string? clientId = null, name = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--client-id" when value is not null: clientId = value; i++; break;
                case "--name" when value is not null: name = value; i++; break;
                case "--settings" when value is not null: i++; break;
                default:
                    error.WriteLine($"{Name}: unexpected argument '{args[i]}'");
                    error.WriteLine(Usage);
                    return 64;
            }
        }
        if (clientId is null || !ApiClientService.IsValidClientId(clientId) || string.IsNullOrWhiteSpace(name) || name.Length > ApiClient.MaxNameLength)
        {
            error.WriteLine($"{Name}: --client-id (the admin application's client id, as its tokens carry it in azp) and --name are required");
            error.WriteLine(Usage);
            return 64;
        }

        var configuration = LocalSettings.Configuration(settingsPath);
        StorageOptions storage;
        try
        {
            storage = StorageConfiguration.Read(configuration, requireBlobStorage: false);
        }
        catch (InvalidOperationException exception)
        {
            error.WriteLine($"{Name}: {exception.Message}");
            return 2;
        }

        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = storage.ManagedIdentityClientId });
        using var cosmos = CosmosClientFactory.Create(storage, credential);
        var registry = new ApiClientRepository(cosmos.GetDatabase(storage.CosmosDatabase));
        if (await FirstAdminAsync(registry) is { } existing)
        {
            error.WriteLine($"{Name}: refused — the registry already has an admin ('{existing.ClientId}'); "
                + "register further clients through PUT /api/clients with an admin's token.");
            return 2;
        }

        await registry.UpsertAsync(new ApiClient
        {
            Id = ApiClient.DocumentId(clientId),
            ClientId = clientId,
            Name = name.Trim(),
            Roles = [Roles.Admin],
            UpdatedAt = DateTimeOffset.UtcNow,
            UpdatedBy = new Actor($"{Name}:{Environment.UserName}"),
        }, CancellationToken.None);
        output.WriteLine($"Client '{clientId}' registered as the first admin in database '{storage.CosmosDatabase}'.");
        return 0;
    }

    private static async Task<ApiClient?> FirstAdminAsync(ApiClientRepository registry)
    {
        string? continuationToken = null;
        do
        {
            var page = await registry.ListAsync(continuationToken, 100, CancellationToken.None);
            if (page.Items.FirstOrDefault(c => c.Roles.Contains(Roles.Admin, StringComparer.Ordinal)) is { } admin) return admin;
            continuationToken = page.ContinuationToken;
        }
        while (continuationToken is not null);
        return null;
    }
}
