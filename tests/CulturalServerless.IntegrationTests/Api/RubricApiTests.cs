using CulturalServerless.Functions.Http.Rubrics;
using CulturalServerless.Scoring.Rubrics;

namespace CulturalServerless.IntegrationTests.Api;

public sealed class RubricApiTests(AppServices app) : IClassFixture<AppServices>
{
    private readonly RubricFunctions functions = new(RubricCatalog.Shipped, NullLogger<RubricFunctions>.Instance);

    [Fact]
    public async Task Lists_the_rubrics_of_a_year_and_reads_one_with_its_criteria()
    {
        var listRequest = app.Request(TestTokens.For("tests-reviewer-without-entry", "reviewer"), "GET", "/api/rubrics", query: "year=2022");
        var list = await HttpCalls.ExecuteAsync(listRequest, functions.List(listRequest, CancellationToken.None));
        var getRequest = app.Request(TestTokens.For("tests-reviewer-without-entry", "reviewer"), "GET", "/api/rubrics/co-quan-2022");
        var rubric = await HttpCalls.ExecuteAsync(getRequest, functions.Get(getRequest, "co-quan-2022", CancellationToken.None));

        Assert.Contains(list.Json["items"]!.AsArray(), r => (string?)r!["id"] == "co-quan-2022");
        Assert.Equal(200, rubric.Status);
        Assert.Equal(100m, (decimal?)rubric.Json["totalPoints"]);
        Assert.Equal(85m, (decimal?)rubric.Json["passThreshold"]);
        Assert.Equal([30m, 40m, 30m], rubric.Json["criteria"]!.AsArray().Select(c => (decimal)c!["maxPoints"]!));
    }

    [Fact]
    public async Task An_unknown_rubric_is_404_and_a_year_without_rubrics_lists_none()
    {
        var getRequest = app.Request(TestTokens.For("tests-reviewer-without-entry", "reviewer"), "GET", "/api/rubrics/khong-co");
        var missing = await HttpCalls.ExecuteAsync(getRequest, functions.Get(getRequest, "khong-co", CancellationToken.None));
        var listRequest = app.Request(TestTokens.For("tests-reviewer-without-entry", "reviewer"), "GET", "/api/rubrics", query: "year=1999");
        var none = await HttpCalls.ExecuteAsync(listRequest, functions.List(listRequest, CancellationToken.None));

        Assert.Equal(404, missing.Status);
        Assert.Empty(none.Json["items"]!.AsArray());
    }
}
