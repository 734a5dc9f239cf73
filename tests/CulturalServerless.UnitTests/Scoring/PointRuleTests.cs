namespace CulturalServerless.UnitTests.Scoring;

/// <summary>Proportional and per-unit rules, bonus and penalty items, and criterion subtotals.</summary>
public sealed class PointRuleTests
{
    private static SubCriterionScore Item(ScoreResult score, string code) => score.SubCriteria.Single(s => s.Code == code);

    [Theory]
    [InlineData(100, 10)]
    [InlineData(75, 5)]
    [InlineData(50, 0)]
    [InlineData(49, 0)]
    [InlineData(83.333, 6.66)]
    public void Proportional_points_follow_the_scale_between_zero_and_full_truncated_to_hundredths(double share, double points)
    {
        var score = ScoringEngine.Score(TrialRubric.Rubric, TrialRubric.Submission(planShare: (decimal)share));

        Assert.Equal((decimal)points, Item(score, "1.1").Points);
        Assert.Equal(RuleKind.Proportional, Item(score, "1.1").Rule);
    }

    [Fact]
    public void A_proportional_explanation_shows_the_scale()
    {
        var score = ScoringEngine.Score(TrialRubric.Rubric, TrialRubric.Submission(planShare: 75m));

        Assert.Equal("Tỷ lệ hoàn thành kế hoạch 75% (50% → 0; 100% → 10) → 5/10 điểm", Item(score, "1.1").Explanation);
    }

    [Theory]
    [InlineData(0, 0, 20)]
    [InlineData(2, 3, 23)]
    [InlineData(3, 4, 24)]
    public void A_bonus_adds_points_per_unit_up_to_its_cap(int initiatives, int bonus, int total)
    {
        var score = ScoringEngine.Score(TrialRubric.Rubric, TrialRubric.Submission(initiatives: initiatives));

        Assert.Equal(bonus, Item(score, "1.3").Points);
        Assert.Equal(total, score.Total);
        Assert.Equal(total, score.Criteria[0].Points);
    }

    [Fact]
    public void A_penalty_deducts_points_per_unit()
    {
        var score = ScoringEngine.Score(TrialRubric.Rubric, TrialRubric.Submission(violations: 3m));

        Assert.Equal(6m, Item(score, "1.4").Points);
        Assert.Equal(14m, score.Total);
        Assert.Equal(Verdict.Failed, score.Verdict);
        Assert.Equal("Số vụ vi phạm: 3 vụ × 2 điểm, tối đa 30 → 6/30 điểm", Item(score, "1.4").Explanation);
    }

    [Fact]
    public void Penalties_take_a_criterion_to_zero_and_not_below()
    {
        var score = ScoringEngine.Score(TrialRubric.Rubric, TrialRubric.Submission(violations: 20m));

        Assert.Equal(30m, Item(score, "1.4").Points);
        Assert.Equal(0m, score.Criteria[0].Points);
        Assert.Equal(0m, score.Total);
    }

    [Fact]
    public void A_bonus_and_penalty_self_score_counts_with_its_sign_in_the_criterion_self_subtotal()
    {
        var submission = TrialRubric.Submission(initiatives: 2m, violations: 1m).WithSelfScores(
            new Dictionary<string, decimal> { ["1.1"] = 10m, ["1.2"] = 10m, ["1.3"] = 3m, ["1.4"] = 2m });

        var score = ScoringEngine.Score(TrialRubric.Rubric, submission);

        Assert.Equal(21m, score.Criteria[0].SelfScore);
        Assert.Equal(21m, score.Total);
        Assert.Empty(score.Discrepancies);
    }

    [Fact]
    public void A_missing_figure_scores_zero_and_is_flagged_rather_than_guessed()
    {
        var submission = SeedSubmission.Load().WithoutIndicator("2.4", "alcoholViolations");

        var item = Item(ScoringEngine.Score(DefaultRubric.Rubric, submission), "2.4");

        Assert.Equal(0m, item.Points);
        Assert.Equal([ScoreFlag.IndicatorMissing], item.Flags);
        Assert.Contains("thiếu số liệu", item.Explanation, StringComparison.Ordinal);
    }
}
