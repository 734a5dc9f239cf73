namespace CulturalServerless.IntegrationTests.Api;

/// <summary>The steering committee's list, against the Cosmos DB emulator.</summary>
public sealed class AssessmentListTests(AppServices app) : IClassFixture<AppServices>
{
    private readonly ApiClient api = new(app);

    [Fact]
    public async Task Pages_through_120_assessments_highest_computed_total_first_each_exactly_once()
    {
        var province = "51.p" + Guid.NewGuid().ToString("N")[..6]; // a district of its own under a province the catalogue knows
        var agencies = new List<string>();
        for (var i = 0; i < 120; i++)
        {
            var agencyId = await api.RegisterAgencyAsync($"{province}.{i % 3}");
            var submission = ApiClient.Sample("assessment-2022.json");
            // Varied figures give varied totals, so the order is visible.
            submission["criteria"]!["1.5"]!["indicators"]!["initiativesApplied"] = i % 7;
            submission["criteria"]!["1.1"]!["indicators"]!["advancedWorkerShare"] = 100 - i % 11;
            submission.Remove("selfTotal");
            Assert.Equal(201, (await api.SubmitAsync(agencyId, submission)).Status);
            agencies.Add(agencyId);
        }

        var seen = new List<(string Id, decimal Total)>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await api.ListAsync($"year=2022&jurisdiction={province}&pageSize=25" + (token is null ? "" : $"&continuationToken={token}"));
            Assert.Equal(200, page.Status);
            var items = page.Json["items"]!.AsArray();
            Assert.InRange(items.Count, 1, 25);
            seen.AddRange(items.Select(i => ((string)i!["agencyId"]!, (decimal)i["computedTotal"]!)));
            token = (string?)page.Json["continuationToken"];
            pages++;
        }
        while (token is not null && pages < 50);

        Assert.Equal(agencies.Order(), seen.Select(s => s.Id).Order());
        Assert.Equal(seen.Select(s => s.Total).OrderDescending(), seen.Select(s => s.Total));
        Assert.True(pages >= 5, $"120 items at 25 a page take at least 5 pages, took {pages}");
        Assert.True(seen.Select(s => s.Total).Distinct().Count() > 3);
    }

    [Fact]
    public async Task Filters_by_jurisdiction_verdict_and_status()
    {
        var province = "51.p" + Guid.NewGuid().ToString("N")[..6]; // a district of its own under a province the catalogue knows
        var passing = await api.RegisterAgencyAsync($"{province}.1");
        var failing = await api.RegisterAgencyAsync($"{province}.2");
        var elsewhere = await api.RegisterAgencyAsync(province + "x");
        await api.SubmitAsync(passing, ApiClient.Sample("assessment-2022.json"));
        var knockedOut = ApiClient.Sample("assessment-2022.json");
        knockedOut["criteria"]!["3.2"]!["indicators"]!["disciplinedAtWarningOrAbove"] = 2;
        await api.SubmitAsync(failing, knockedOut);
        await api.SubmitAsync(elsewhere, ApiClient.Sample("assessment-2022.json"));

        async Task<IEnumerable<string>> Ids(string query) =>
            (await api.ListAsync(query)).Json["items"]!.AsArray().Select(i => (string)i!["agencyId"]!);

        Assert.Equal([passing, failing], await Ids($"year=2022&jurisdiction={province}"));
        Assert.Equal([failing], await Ids($"year=2022&jurisdiction={province}&verdict=failed"));
        Assert.Equal([passing], await Ids($"year=2022&jurisdiction={province}.1&status=scored"));
        Assert.Empty(await Ids($"year=2021&jurisdiction={province}"));
    }

    [Theory]
    [InlineData("jurisdiction=51", "$.query.year")]
    [InlineData("year=2022&status=approved", "$.query.status")]
    [InlineData("year=2022&verdict=maybe", "$.query.verdict")]
    [InlineData("year=2022&pageSize=500", "$.query.pageSize")]
    [InlineData("year=twenty", "$.query.year")]
    public async Task Bad_filters_get_a_400_problem_naming_the_parameter(string query, string path)
    {
        var response = await api.ListAsync(query);
        Assert.Equal(400, response.Status);
        Assert.Equal([path], response.ErrorPaths);
    }
}
