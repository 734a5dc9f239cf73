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
