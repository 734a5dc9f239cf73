using Azure.Core;
using Azure.Identity;
using CulturalServerless.Storage.Blobs;
using CulturalServerless.Storage.Cosmos;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CulturalServerless.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>One CosmosClient and one BlobServiceClient per process, both from configuration.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => StorageConfiguration.Read(configuration));
        services.AddSingleton<TokenCredential>(sp => new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = sp.GetRequiredService<StorageOptions>().ManagedIdentityClientId,
        }));
        services.AddSingleton(sp => CosmosClientFactory.Create(
            sp.GetRequiredService<StorageOptions>(), sp.GetRequiredService<TokenCredential>()));
        services.AddSingleton(sp => BlobServiceClientFactory.Create(
            sp.GetRequiredService<StorageOptions>(), sp.GetRequiredService<TokenCredential>()));
        services.AddSingleton(sp => sp.GetRequiredService<CosmosClient>()
            .GetDatabase(sp.GetRequiredService<StorageOptions>().CosmosDatabase));
        services.AddSingleton<IBlobReadLinkIssuer, BlobReadLinkIssuer>();
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        return services;
    }
}
