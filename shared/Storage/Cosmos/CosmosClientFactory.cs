using System.Data.Common;
using Azure.Core;
using CulturalServerless.Serialization;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>Builds the process's single <see cref="CosmosClient"/> from <see cref="StorageOptions"/>.</summary>
public static class CosmosClientFactory
{
    public static CosmosClient Create(StorageOptions options, TokenCredential credential)
    {
        if (options.CosmosConnectionString is { } connectionString)
        {
            var endpoint = ReadEndpoint(connectionString);
            return new CosmosClient(connectionString, ClientOptions(LocalEmulator.IsLoopback(endpoint)));
        }
        return new CosmosClient(options.CosmosAccountEndpoint!.ToString(), credential, ClientOptions(emulator: false));
    }

    private static CosmosClientOptions ClientOptions(bool emulator)
    {
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "CulturalServerless",
            UseSystemTextJsonSerializerWithOptions = JsonDefaults.Options,
        };
        if (emulator)
        {
            // The local emulator speaks only the gateway protocol, on one address, with a
            // self-signed certificate. Nothing but a loopback endpoint gets this.
            clientOptions.ConnectionMode = ConnectionMode.Gateway;
            clientOptions.LimitToEndpoint = true;
            clientOptions.ServerCertificateCustomValidationCallback = (_, _, _) => true;
        }
        return clientOptions;
    }

    private static Uri ReadEndpoint(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (builder.TryGetValue("AccountEndpoint", out var value)
            && Uri.TryCreate(value?.ToString(), UriKind.Absolute, out var endpoint))
        {
            return endpoint;
        }
        throw new InvalidOperationException("Cosmos__ConnectionString has no valid AccountEndpoint.");
    }
}
