using Azure.Core;
using CulturalServerless.Storage;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.IntegrationTests.Emulators;

/// <summary>One client for a class's tests, built by the app's own factory so its options are what is tested.</summary>
public sealed class EmulatorClientFixture : IDisposable
{
    public CosmosClient Client { get; } = CosmosClientFactory.Create(
        new StorageOptions { CosmosConnectionString = EmulatorSettings.CosmosConnectionString },
        new UnusedCredential());

    public void Dispose() => Client.Dispose();

    /// <summary>A connection string carries the key; the factory never asks this for a token.</summary>
    private sealed class UnusedCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The emulator is reached with its key, not a token.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The emulator is reached with its key, not a token.");
    }
}

/// <summary>The emulator tests' document: partitioned by <c>/pk</c>.</summary>
public sealed record Item(string Id, string Pk, int Rank, string Category);
