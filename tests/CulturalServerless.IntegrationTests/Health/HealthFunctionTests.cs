using CulturalServerless.Application.Health;
using CulturalServerless.Functions.Http.Health;
using Microsoft.AspNetCore.Mvc;

namespace CulturalServerless.IntegrationTests.Health;

public sealed class HealthFunctionTests
{
    // Nothing listens on port 1 of the loopback address: connections are refused at once.
    private const string DeadCosmos = "AccountEndpoint=https://127.0.0.1:1/;AccountKey=" + EmulatorSettings.CosmosEmulatorKey + ";";
    private const string DeadStorage = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + "BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    [Fact]
    public async Task Answers_200_with_version_when_Cosmos_and_Blob_Storage_answer()
    {
        await using var app = new AppServices();
        await app.InitializeAsync();

        var (status, report, retryAfter) = await CallAsync(app);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Null(retryAfter);
        Assert.Equal("healthy", report.Status);
        Assert.False(string.IsNullOrWhiteSpace(report.Version));
        Assert.All(report.Dependencies, d => Assert.Equal(DependencyState.Up, d.State));
        Assert.Equal([HealthService.CosmosDb, HealthService.BlobStorage], report.Dependencies.Select(d => d.Name));
    }

    [Fact]
    public async Task Answers_503_with_Retry_After_naming_Cosmos_DB_when_it_does_not_answer()
    {
        await using var app = AppServices.With(new Dictionary<string, string?> { ["Cosmos:ConnectionString"] = DeadCosmos });
        await app.Get<Azure.Storage.Blobs.BlobServiceClient>()
            .GetBlobContainerClient(CulturalServerless.Storage.Blobs.BlobContainers.Reports).CreateIfNotExistsAsync();

        var (status, report, retryAfter) = await CallAsync(app);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Equal("5", retryAfter);
        Assert.Equal("unhealthy", report.Status);
        Assert.Equal(DependencyState.Down, report.Dependencies.Single(d => d.Name == HealthService.CosmosDb).State);
        Assert.Equal(DependencyState.Up, report.Dependencies.Single(d => d.Name == HealthService.BlobStorage).State);
    }

    [Fact]
    public async Task Answers_503_with_Retry_After_naming_Blob_Storage_when_it_does_not_answer()
    {
        await using var app = AppServices.With(new Dictionary<string, string?> { ["ReportStorage"] = DeadStorage });
        await app.Get<Microsoft.Azure.Cosmos.CosmosClient>().CreateDatabaseIfNotExistsAsync(app.Settings["Cosmos:Database"]);

        var (status, report, retryAfter) = await CallAsync(app);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Equal("5", retryAfter);
        Assert.Equal(DependencyState.Up, report.Dependencies.Single(d => d.Name == HealthService.CosmosDb).State);
        var blob = report.Dependencies.Single(d => d.Name == HealthService.BlobStorage);
        Assert.Equal(DependencyState.Down, blob.State);
        Assert.NotNull(blob.Error);
    }

    private static async Task<(int? Status, HealthReport Report, string? RetryAfter)> CallAsync(AppServices app)
    {
        var function = new HealthFunction(app.Get<HealthService>());
        var context = new DefaultHttpContext();
        var result = Assert.IsType<JsonResult>(await function.Run(context.Request, CancellationToken.None));
        var retryAfter = context.Response.Headers.TryGetValue("Retry-After", out var value) ? value.ToString() : null;
        return (result.StatusCode, Assert.IsType<HealthReport>(result.Value), retryAfter);
    }
}
