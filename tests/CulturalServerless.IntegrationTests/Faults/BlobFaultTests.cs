using CulturalServerless.Application.Health;
using CulturalServerless.IntegrationTests.Infrastructure;
using Xunit.Abstractions;
using static CulturalServerless.IntegrationTests.Faults.FaultChecks;

namespace CulturalServerless.IntegrationTests.Faults;

/// <summary>
/// Blob Storage frozen, through the real SDK against an Azurite of the test's own: the submission,
/// whose version Cosmos DB has stored by then, answers 503 with Retry-After once the blob client's
/// own budget is spent (before the request's deadline); health names blobStorage; once Storage
/// thaws, the same request replays the stored version and finishes what the first attempt began.
/// </summary>
public sealed class BlobFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Frozen_Blob_Storage_answers_503_with_Retry_After_within_15_s_and_the_same_submission_completes_once_it_thaws()
    {
        await using var storage = await PrivateAzurite.StartAsync();
        await using var app = AppServices.With(new Dictionary<string, string?>
        {
            ["ReportStorage"] = storage.ConnectionString,
            ["AzureWebJobsStorage"] = storage.ConnectionString,
        });
        await app.InitializeAsync();
        var (api, log, agencyId) = await PortalOfNewAgencyAsync(app);

        var retried = await SubmitFrozenThenThawedAsync(app, api, agencyId, HealthService.BlobStorage, storage.Pause, storage.Resume, output);

        Assert.True(retried.Status == 200, $"after thawing: {retried.Status} {retried.Body}");
        Assert.Equal("true", retried.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal(1, (int)retried.Json["version"]!);
        Assert.Equal("requested", (string?)retried.Json["report"]!["state"]);
        AssertLoggedOnce(log, agencyId, output);
    }
}
