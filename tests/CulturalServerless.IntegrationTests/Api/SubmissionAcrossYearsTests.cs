using CulturalServerless.Application.Documents;

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
}
