using CulturalServerless.Application.Documents;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.IntegrationTests.Api;

/// <summary>
/// An agency-year first submitted in one calendar year and written to again in the next: a
/// submission without If-Match is not read against the head first, so the number it takes in the
/// new year's register must go back when version 1 turns out to exist (Decree 30 registers have no gaps).
/// </summary>
public sealed class SubmissionAcrossYearsTests : IAsyncLifetime
{
    // 31 December 2026, 10:00 in Viet Nam.
    private readonly SetClock clock = new(new DateTimeOffset(2026, 12, 31, 3, 0, 0, TimeSpan.Zero));
    private readonly AppServices app;
    private readonly ApiClient api;

    public SubmissionAcrossYearsTests()
    {
        app = AppServices.With(new Dictionary<string, string?>(), services => services.AddSingleton<TimeProvider>(clock));
        api = new ApiClient(app);
    }

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => app.DisposeAsync();

    private static JsonObject Seed() => ApiClient.Sample("assessment-2022.json");

    [Fact]
    public async Task Submissions_without_If_Match_in_the_new_year_are_428_and_the_superseding_one_is_number_1_of_that_year()
    {
        var agencyId = await api.RegisterAgencyAsync();
        var first = await api.SubmitAsync(agencyId, Seed());
        clock.Now = new DateTimeOffset(2027, 1, 5, 2, 0, 0, TimeSpan.Zero);

        var withoutIfMatch = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => api.SubmitAsync(agencyId, Seed())));
        var superseding = await api.ResubmitAsync(agencyId, Seed());

        Assert.Equal(201, first.Status);
        Assert.Equal("2026-12-31", (string?)first.Json["issue"]!["date"]);
        Assert.All(withoutIfMatch, r => Assert.Equal(428, r.Status));
        Assert.Equal(201, superseding.Status);
        Assert.Equal(2, (int?)superseding.Json["version"]);
        Assert.Equal("01/BC-VP", (string?)superseding.Json["issue"]!["reference"]);
        Assert.Equal("2027-01-05", (string?)superseding.Json["issue"]!["date"]);
        Assert.Equal(2, await app.Get<IDocumentRegister>().NumberForAsync(agencyId, 2027, "next", CancellationToken.None));
    }

    [Fact]
    public async Task A_retry_of_the_first_submission_in_the_new_year_is_replayed_and_takes_no_number_of_that_year()
    {
        var agencyId = await api.RegisterAgencyAsync();
        var key = Guid.NewGuid().ToString();
        var first = await api.SubmitAsync(agencyId, Seed(), key);
        clock.Now = new DateTimeOffset(2027, 1, 1, 1, 0, 0, TimeSpan.Zero);

        var retry = await api.SubmitAsync(agencyId, Seed(), key);

        Assert.Equal(201, first.Status);
        Assert.Equal(200, retry.Status);
        Assert.Equal((string?)first.Json["issue"]!["reference"], (string?)retry.Json["issue"]!["reference"]);
        Assert.Equal(1, await app.Get<IDocumentRegister>().NumberForAsync(agencyId, 2027, "next", CancellationToken.None));
    }

    [Fact]
    public async Task A_first_submission_in_its_own_year_opens_the_register_with_number_1_and_concurrent_retries_replay_it()
    {
        clock.Now = new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);
        var agencyId = await api.RegisterAgencyAsync();
        var key = Guid.NewGuid().ToString();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => api.SubmitAsync(agencyId, "2026", ApiClient.SeedFor(2026).ToJsonString(), idempotencyKey: key)));

        Assert.Equal([200, 200, 200, 200, 201], attempts.Select(a => a.Status).Order());
        Assert.All(attempts, a => Assert.Equal("01/BC-VP", (string?)a.Json["issue"]!["reference"]));
        var register = await app.Get<Database>().GetContainer(CosmosContainers.Assessments.Name)
            .ReadItemAsync<JsonObject>(AssessmentKeys.RegisterId(agencyId, 2026), new PartitionKey(AssessmentKeys.PartitionKey(agencyId, 2026)));
        Assert.Equal(1, (int?)register.Resource["last"]);
        Assert.Equal(1, (int?)register.Resource["issued"]![AssessmentKeys.VersionId(agencyId, 2026, 1)]);
        Assert.Equal(2, await app.Get<IDocumentRegister>().NumberForAsync(agencyId, 2026, "next", CancellationToken.None));
    }

    [Fact]
    public async Task A_first_submission_after_a_late_version_of_last_year_takes_the_next_number_of_its_year()
    {
        clock.Now = new DateTimeOffset(2025, 12, 10, 3, 0, 0, TimeSpan.Zero);
        var agencyId = await api.RegisterAgencyAsync();
        var first2025 = await api.SubmitAsync(agencyId, "2025", ApiClient.SeedFor(2025).ToJsonString());
        clock.Now = new DateTimeOffset(2026, 1, 8, 3, 0, 0, TimeSpan.Zero);
        var late2025 = await api.ResubmitAsync(agencyId, ApiClient.SeedFor(2025), "2025");
        clock.Now = new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

        var first2026 = await api.SubmitAsync(agencyId, "2026", ApiClient.SeedFor(2026).ToJsonString());

        Assert.Equal("01/BC-VP", (string?)first2025.Json["issue"]!["reference"]);
        Assert.Equal("01/BC-VP", (string?)late2025.Json["issue"]!["reference"]);
        Assert.Equal("2026-01-08", (string?)late2025.Json["issue"]!["date"]);
        Assert.Equal(201, first2026.Status);
        Assert.Equal("02/BC-VP", (string?)first2026.Json["issue"]!["reference"]);
        Assert.Equal(3, await app.Get<IDocumentRegister>().NumberForAsync(agencyId, 2026, "next", CancellationToken.None));
    }
}
