using CulturalServerless.Application.Health;
using CulturalServerless.IntegrationTests.Api;
using CulturalServerless.IntegrationTests.Infrastructure;
using CulturalServerless.Storage;
using Xunit.Abstractions;
using static CulturalServerless.IntegrationTests.Faults.FaultChecks;

namespace CulturalServerless.IntegrationTests.Faults;

/// <summary>
/// Cosmos DB frozen or dead, through the real SDK against an emulator of the test's own: a
/// submission answers 503 <c>/problems/unavailable</c> with Retry-After within 15 s — never a 500,
/// never a hang — the health check names cosmosDb, and once Cosmos DB is back the same request
/// (same Idempotency-Key) completes.
/// </summary>
public sealed class CosmosFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Frozen_Cosmos_DB_answers_503_with_Retry_After_within_15_s_and_the_same_submission_completes_once_it_thaws()
    {
        await using var cosmos = await PrivateCosmos.StartAsync();
        await using var app = await StartAppAsync(cosmos);
        var (api, log, agencyId) = await PortalOfNewAgencyAsync(app);

        var retried = await SubmitFrozenThenThawedAsync(app, api, agencyId, HealthService.CosmosDb, cosmos.Pause, cosmos.Resume, output);

        Assert.True(retried.Status is 200 or 201, $"after thawing: {retried.Status} {retried.Body}");
        Assert.Equal(1, (int)retried.Json["version"]!);
        AssertLoggedOnce(log, agencyId, output);
        await AssertPendingReportRendersAsync(app, api, agencyId);
    }

    [Fact]
    public async Task Dead_Cosmos_DB_answers_503_with_Retry_After_and_the_request_succeeds_once_it_is_started_again()
    {
        await using var cosmos = await PrivateCosmos.StartAsync();
        await using var app = await StartAppAsync(cosmos);
        var (api, log, agencyId) = await PortalOfNewAgencyAsync(app);
        var body = ApiClient.Sample("assessment-2022.json");
        var key = Guid.NewGuid().ToString();

        await cosmos.KillAsync();

        var (submitted, took) = await TimedAsync(() => api.SubmitAsync(agencyId, body, key));
        output.WriteLine($"cosmosDb killed: submission answered {submitted.Status} after {took.TotalMilliseconds:0} ms");
        AssertUnavailable(submitted, took);
        AssertLoggedOnce(log, agencyId, output);
        var (health, healthTook) = await TimedAsync(() => HealthAsync(app));
        output.WriteLine($"cosmosDb killed: health answered {health.Status} after {healthTook.TotalMilliseconds:0} ms: {health.Body?.ToJsonString()}");
        AssertHealthNames(HealthService.CosmosDb, health, healthTook);

        await cosmos.RestartAsync();
        // The emulator keeps everything in memory: the database and containers come back the way
        // a starting app makes them (Cosmos__CreateIfMissing), the agency and its portal's registry
        // entry as their owners would register them again.
        await app.Get<StorageInitializer>().StartAsync(CancellationToken.None);
        var again = new ApiClient(app);
        await again.RegisterAgencyAsync(id: agencyId);
        var retried = await again.SubmitAsync(agencyId, body, key);

        Assert.True(retried.Status == 201, $"after the restart: {retried.Status} {retried.Body}");
        Assert.Equal(1, (int)retried.Json["version"]!);
        await AssertPendingReportRendersAsync(app, again, agencyId);
    }

    /// <summary>The report the completed submission requested renders as the trigger would run it, with nobody's help.</summary>
    private static async Task AssertPendingReportRendersAsync(AppServices app, ApiClient api, string agencyId)
    {
        var name = AssessmentKeys.ReportRequestName(agencyId, 2022, 1);
        var trigger = new Functions.Triggers.RenderReportFunction(app.Get<Application.Reports.ReportRenderingService>(), app.Get<Application.Decisions.DecisionRenderingService>());
        await trigger.Run(app.Get<Azure.Storage.Blobs.BlobServiceClient>().GetBlobContainerClient(BlobContainers.ReportRequests).GetBlobClient(name),
            name, CancellationToken.None);
        var assessment = (await api.GetLatestAsync(agencyId)).Json;
        Assert.Equal("report-ready", (string?)assessment["status"]);
        Assert.Equal("01/BC-VP", (string?)assessment["report"]!["documentNumber"]);
    }

    /// <summary>The app's services with Cosmos DB on the private emulator, its database and containers made.</summary>
    private static async Task<AppServices> StartAppAsync(PrivateCosmos cosmos)
    {
        var app = AppServices.With(new Dictionary<string, string?> { ["Cosmos:ConnectionString"] = cosmos.ConnectionString });
        await app.InitializeAsync();
        return app;
    }
}
