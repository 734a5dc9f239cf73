namespace CulturalServerless.IntegrationTests.Infrastructure;

/// <summary>
/// Where the local emulators are. ./test.sh starts them and exports these settings; the defaults
/// are the addresses that tools/emulators.sh uses, so a test run from an IDE works too.
/// </summary>
public static class EmulatorSettings
{
    /// <summary>The Cosmos DB emulator's well-known development key (public, not a secret).</summary>
    public const string CosmosEmulatorKey =
        "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    public static string CosmosConnectionString =>
        Environment.GetEnvironmentVariable("Cosmos__ConnectionString")
        ?? $"AccountEndpoint=https://127.0.0.1:8081/;AccountKey={CosmosEmulatorKey};";

    /// <summary>Azurite's well-known development account on the default ports.</summary>
    public static string StorageConnectionString =>
        Environment.GetEnvironmentVariable("ReportStorage")
        ?? "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
         + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
         + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;"
         + "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";
}
