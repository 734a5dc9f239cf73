namespace CulturalServerless.UnitTests.Scoring;

public sealed class RubricCatalogTests
{
    private static Rubric General(string id, int year, int version = 1) =>
        DefaultRubric.Rubric with { Id = id, Years = [year], Version = version };

    [Fact]
    public void The_shipped_catalog_holds_the_default_rubric_found_by_id_and_by_year()
    {
        Assert.Equal(DefaultRubric.Id, RubricCatalog.Shipped.Find(DefaultRubric.Id)?.Id);
        Assert.Equal(DefaultRubric.Id, RubricCatalog.Shipped.FindFor(2022)?.Id);
        Assert.Equal(DefaultRubric.Id, RubricCatalog.Shipped.FindFor(2022, "29")?.Id);
        Assert.Null(RubricCatalog.Shipped.FindFor(2021));
        Assert.Null(RubricCatalog.Shipped.Find("co-quan-2099"));
    }

    [Theory]
    [InlineData(2022, "co-quan-2022")]
    [InlineData(2023, "co-quan-2023")]
    [InlineData(2024, "co-quan-2023")]
    [InlineData(2025, "co-quan-2023")]
    [InlineData(2026, "co-quan-2023")]
    public void Every_year_from_2022_to_2026_has_a_shipped_rubric(int year, string id)
    {
        Assert.Equal(id, RubricCatalog.Shipped.FindFor(year)?.Id);
        Assert.Equal(id, RubricCatalog.Shipped.FindFor(year, "51.522")?.Id);
        Assert.Null(RubricCatalog.Shipped.FindFor(2027));
    }

    [Fact]
    public void The_scale_since_2023_is_the_2022_scale_under_its_own_id_title_basis_and_years()
    {
        var scale2022 = DefaultRubric.Rubric;
        var scale2023 = RubricCatalog.Shipped.Find("co-quan-2023")!;

        Assert.Equal([2023, 2024, 2025, 2026], scale2023.Years);
        Assert.Contains("từ năm 2023", scale2023.Title, StringComparison.Ordinal);
        Assert.Contains("58/HD-TLĐ", scale2023.Basis, StringComparison.Ordinal);
        Assert.Equal(scale2022.PassThreshold, scale2023.PassThreshold);
        Assert.Equal(
            scale2022.Criteria.SelectMany(c => c.Items).Select(i => (i.Code, i.Title, i.MaxPoints)),
            scale2023.Criteria.SelectMany(c => c.Items).Select(i => (i.Code, i.Title, i.MaxPoints)));
    }

    [Fact]
    public void A_2025_submission_without_a_rubric_id_scores_under_the_scale_since_2023()
    {
        var submission = SeedSubmission.Load() with { RubricId = null, Year = 2025 };

        var evaluation = new AssessmentEvaluator(RubricCatalog.Shipped).Evaluate(submission, "51");

        Assert.True(evaluation.IsValid, string.Join("; ", evaluation.Validation.Problems.Select(p => p.MessageEn)));
        Assert.Equal("co-quan-2023", evaluation.Score!.RubricId);
        Assert.Equal(100, evaluation.Score.Total);
    }

    [Fact]
    public void A_document_extending_an_unknown_or_extending_rubric_is_refused()
    {
        var byId = new Dictionary<string, (string Name, System.Text.Json.Nodes.JsonObject Json)>(StringComparer.Ordinal)
        {
            ["a"] = ("a.json", new System.Text.Json.Nodes.JsonObject { ["id"] = "a", ["extends"] = "b" }),
        };

        Assert.Throws<InvalidOperationException>(() => RubricCatalog.Extend(new() { ["id"] = "c", ["extends"] = "x" }, byId, "c.json"));
        Assert.Throws<InvalidOperationException>(() => RubricCatalog.Extend(new() { ["id"] = "c", ["extends"] = "a" }, byId, "c.json"));
    }

    [Fact]
    public void A_jurisdiction_rubric_wins_over_a_general_one_for_that_jurisdiction_only()
    {
        var catalog = new RubricCatalog([General("co-quan-2024", 2024), TrialRubric.Rubric]);

        Assert.Equal("thu-nghiem-2024", catalog.FindFor(2024, "29")?.Id);
        Assert.Equal("thu-nghiem-2024", catalog.FindFor(2024, "29.001")?.Id);
        Assert.Equal("co-quan-2024", catalog.FindFor(2024, "290")?.Id);
        Assert.Equal("co-quan-2024", catalog.FindFor(2024, "01")?.Id);
        Assert.Equal("co-quan-2024", catalog.FindFor(2024)?.Id);
        Assert.Equal("thu-nghiem-2024", catalog.FindFor(2025, "29")?.Id);
        Assert.Null(catalog.FindFor(2025, "01"));
    }

    [Fact]
    public void Among_rubrics_for_the_same_year_the_highest_version_is_chosen()
    {
        var catalog = new RubricCatalog([General("co-quan-2024-a", 2024, version: 1), General("co-quan-2024-b", 2024, version: 3)]);

        Assert.Equal("co-quan-2024-b", catalog.FindFor(2024)?.Id);
    }

    [Fact]
    public void Two_rubrics_with_one_id_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new RubricCatalog([General("x", 2024), General("x", 2025)]));
    }

    [Fact]
    public void The_evaluator_picks_the_jurisdiction_rubric_when_the_submission_names_none()
    {
        var evaluator = new AssessmentEvaluator(new RubricCatalog([TrialRubric.Rubric]));

        var evaluation = evaluator.Evaluate(TrialRubric.Submission() with { RubricId = null }, "29");

        Assert.True(evaluation.IsValid, string.Join("; ", evaluation.Validation.Problems.Select(p => p.MessageEn)));
        Assert.Equal("thu-nghiem-2024", evaluation.Score!.RubricId);
        Assert.Equal(2, evaluation.Score.RubricVersion);
    }

    [Fact]
    public void A_copied_rubric_finds_the_items_of_its_own_criteria()
    {
        Assert.Equal("Phong trào thi đua", DefaultRubric.Rubric.FindItem("1.1")?.Title);

        var copy = DefaultRubric.Rubric with { Criteria = TrialRubric.Rubric.Criteria };

        Assert.Equal("Kế hoạch", copy.FindItem("1.1")?.Title);
        Assert.Null(copy.FindItem("2.1"));
        Assert.Equal(104m, copy.HighestTotal);
    }
}
