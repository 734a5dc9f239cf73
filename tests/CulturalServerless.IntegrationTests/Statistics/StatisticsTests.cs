using CulturalServerless.Functions.Http.Statistics;
using CulturalServerless.Application.Statistics;

namespace CulturalServerless.IntegrationTests.Statistics;

/// <summary><c>GET /api/statistics</c> against the emulators, checked against the agencies, drafts and submissions the test made.</summary>
public sealed class StatisticsTests(AppServices app) : IClassFixture<AppServices>
{
    private readonly ApiClient api = new(app);
    private readonly StatisticsFunction function = new(app.Get<StatisticsService>(), NullLogger<StatisticsFunction>.Instance);

    private async Task<ApiResponse> GetAsync(string token, string query)
    {
        var request = app.Request(token, "GET", "/api/statistics", query: query);
        return await HttpCalls.ExecuteAsync(request, function.Run(request, CancellationToken.None));
    }

    [Fact]
    public async Task Counts_each_unit_from_the_records_including_drafts_only_and_agencies_missing_after_the_deadline()
    {
        var p = "51.p" + Guid.NewGuid().ToString("N")[..6]; // a unit under a province of the catalogue, never imported
        // Unit p.1: one passing, one knocked out, one with a draft only.
        var passing = await api.RegisterAgencyAsync($"{p}.1");
        var knockedOut = await api.RegisterAgencyAsync($"{p}.1");
        var drafting = await api.RegisterAgencyAsync($"{p}.1");
        // Unit p.2 (with p.2.7 under it): one submitted, two with nothing.
        var submitted = await api.RegisterAgencyAsync($"{p}.2");
        await api.RegisterAgencyAsync($"{p}.2");
        await api.RegisterAgencyAsync($"{p}.2.7");
        // The province's own agency, with nothing; and one elsewhere that no count may see.
        await api.RegisterAgencyAsync(p);
        var elsewhere = await api.RegisterAgencyAsync(p + "x");

        Assert.Equal(201, (await api.SubmitAsync(passing, ApiClient.Sample("assessment-2022.json"))).Status);
        var failing = ApiClient.Sample("assessment-2022.json");
        failing["criteria"]!["3.2"]!["indicators"]!["disciplinedAtWarningOrAbove"] = 2;
        Assert.Equal(201, (await api.SubmitAsync(knockedOut, failing)).Status);
        Assert.Equal(201, (await api.SubmitAsync(submitted, ApiClient.Sample("assessment-2022.json"))).Status);
        Assert.Equal(201, (await api.SubmitAsync(elsewhere, ApiClient.Sample("assessment-2022.json"))).Status);
        await api.SaveDraftAsync(drafting);
        await api.SaveDraftAsync(passing); // a draft beside a submission: submitted, not "drafts only"
        var totals = new List<decimal>();
        foreach (var id in new[] { passing, knockedOut, submitted }) totals.Add((decimal)(await api.GetLatestAsync(id)).Json["computedTotal"]!);

        var response = await GetAsync(await api.CommitteeTokenAsync(p), "year=2022&previousYears=1");

        Assert.Equal(200, response.Status);
        var years = response.Json["years"]!.AsArray();
        Assert.Equal([2022, 2021], years.Select(y => (int)y!["year"]!));
        var this_ = years[0]!;
        Assert.Equal(Counts(registered: 7, draftsOnly: 1, submitted: 3, passed: 2, failed: 1, missing: 4), Counts(this_["total"]!));
        var units = this_["units"]!.AsArray().ToDictionary(u => (string)u!["unit"]!);
        Assert.Equal([p, $"{p}.1", $"{p}.2"], units.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Counts(registered: 1, draftsOnly: 0, submitted: 0, passed: 0, failed: 0, missing: 1), Counts(units[p]!));
        Assert.Equal(Counts(registered: 3, draftsOnly: 1, submitted: 2, passed: 1, failed: 1, missing: 1), Counts(units[$"{p}.1"]!));
        Assert.Equal(Counts(registered: 3, draftsOnly: 0, submitted: 1, passed: 1, failed: 0, missing: 2), Counts(units[$"{p}.2"]!));
        // No appraisal is stored yet: the figures are there, at zero.
        Assert.Equal(0, (int)this_["total"]!["appraised"]!);
        Assert.Equal(0, (int)this_["total"]!["recognised"]!);
        Assert.Equal(0, (int)this_["total"]!["notRecognised"]!);

        var bands = this_["total"]!["distribution"]!.AsArray();
        Assert.Equal(3, bands.Sum(b => (int)b!["count"]!));
        foreach (var total in totals)
        {
            var band = bands.Single(b => total >= (decimal)b!["from"]! && (total < (decimal)b["below"]! || (decimal)b["below"]! == 100m));
            Assert.True((int)band!["count"]! >= 1, $"{total} falls in no band");
        }

        // 2021: nobody submitted, and its deadline is long past.
        Assert.Equal(Counts(registered: 7, draftsOnly: 0, submitted: 0, passed: 0, failed: 0, missing: 7), Counts(years[1]!["total"]!));

        // Narrowed to a district, the unit is the level under it.
        var district = await GetAsync(await api.CommitteeTokenAsync(p), $"year=2022&jurisdiction={p}.2&previousYears=0");
        var districtUnits = district.Json["years"]![0]!["units"]!.AsArray().Select(u => (string)u!["unit"]!).ToList();
        Assert.Equal([$"{p}.2", $"{p}.2.7"], districtUnits);
    }

    [Fact]
    public async Task Another_province_is_forbidden_a_portal_may_not_read_statistics_and_bad_parameters_are_named()
    {
        var p = "51.p" + Guid.NewGuid().ToString("N")[..6]; // a unit under a province of the catalogue, never imported
        var agency = await api.RegisterAgencyAsync(p);

        Assert.Equal(403, (await GetAsync(await api.CommitteeTokenAsync(p + "x"), $"year=2022&jurisdiction={p}")).Status);
        Assert.Equal(403, (await GetAsync(await api.PortalTokenAsync(agency), "year=2022")).Status);
        var bad = await GetAsync(TestTokens.Admin, "previousYears=9&jurisdiction=..");
        Assert.Equal(400, bad.Status);
        Assert.Equal(["$.query.jurisdiction", "$.query.previousYears", "$.query.year"], bad.ErrorPaths.Order(StringComparer.Ordinal));
    }

    private static (int, int, int, int, int, int) Counts(int registered, int draftsOnly, int submitted, int passed, int failed, int missing) =>
        (registered, draftsOnly, submitted, passed, failed, missing);

    private static (int, int, int, int, int, int) Counts(JsonNode unit) =>
        ((int)unit["registered"]!, (int)unit["draftsOnly"]!, (int)unit["submitted"]!, (int)unit["passed"]!, (int)unit["failed"]!, (int)unit["missing"]!);
}
