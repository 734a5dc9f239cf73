namespace CulturalServerless.UnitTests.Scoring;

/// <summary>Every difference between the agency's self-score and the computed score is flagged, and nothing else.</summary>
public sealed class DiscrepancyTests
{
    private static readonly AssessmentSubmission Seed = SeedSubmission.Load() with { SelfTotal = null };

    [Fact]
    public void A_self_score_above_the_computed_points_is_flagged_on_the_item_and_listed()
    {
        var submission = Seed.WithIndicator("1.1", "advancedWorkerShare", IndicatorValue.Of(96m)).WithReport("1.1", r => r with { SelfScore = 10m });

        var score = ScoringEngine.Score(DefaultRubric.Rubric, submission);

        var discrepancy = Assert.Single(score.Discrepancies);
        Assert.Equal(("$.criteria['1.1'].selfScore", "1.1", 10m, 7m, 3m), (discrepancy.Path, discrepancy.Code, discrepancy.SelfScore, discrepancy.ComputedScore, discrepancy.Difference));
        Assert.Equal("Tiểu mục 1.1: tự chấm 10 điểm, tính theo tiêu chí 7 điểm (chênh +3).", discrepancy.Message);
        Assert.Equal([ScoreFlag.SelfScoreDiffers], score.SubCriteria[0].Flags);
    }

    [Fact]
    public void A_self_score_below_the_computed_points_is_flagged_too()
    {
        var score = ScoringEngine.Score(DefaultRubric.Rubric, Seed.WithReport("2.2", r => r with { SelfScore = 9.5m }));

        var discrepancy = Assert.Single(score.Discrepancies);
        Assert.Equal(-0.5m, discrepancy.Difference);
        Assert.Contains("chênh -0,5", discrepancy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Matching_self_scores_are_not_flagged()
    {
        var selfScores = DefaultRubric.Rubric.Criteria.SelectMany(c => c.Items).ToDictionary(i => i.Code, i => i.MaxPoints);

        var score = ScoringEngine.Score(DefaultRubric.Rubric, Seed.WithSelfScores(selfScores) with { SelfTotal = 100m });

        Assert.Empty(score.Discrepancies);
        Assert.All(score.SubCriteria, s => Assert.Empty(s.Flags));
        Assert.Equal([30m, 40m, 30m], score.Criteria.Select(c => c.SelfScore!.Value));
    }

    [Fact]
    public void A_criterion_self_subtotal_is_absent_when_any_of_its_items_has_no_self_score()
    {
        var score = ScoringEngine.Score(DefaultRubric.Rubric, Seed.WithReport("1.1", r => r with { SelfScore = 10m }));

        Assert.Null(score.Criteria[0].SelfScore);
    }

    [Fact]
    public void Without_a_self_total_no_total_discrepancy_is_listed()
    {
        Assert.Empty(ScoringEngine.Score(DefaultRubric.Rubric, Seed).Discrepancies);
    }

    [Fact]
    public void Each_message_names_its_own_pair_of_scores()
    {
        Discrepancy On11(decimal self, decimal share) => Assert.Single(ScoringEngine.Score(DefaultRubric.Rubric,
            Seed.WithIndicator("1.1", "advancedWorkerShare", IndicatorValue.Of(share)).WithReport("1.1", r => r with { SelfScore = self })).Discrepancies);

        var ten = On11(10m, 96m);
        var other = On11(9m, 96m);
        var fraction = On11(7.5m, 96m);

        Assert.Equal("Tiểu mục 1.1: tự chấm 10 điểm, tính theo tiêu chí 7 điểm (chênh +3).", ten.Message);
        Assert.Equal("Tiểu mục 1.1: tự chấm 9 điểm, tính theo tiêu chí 7 điểm (chênh +2).", other.Message);
        Assert.Equal("Tiểu mục 1.1: tự chấm 7,5 điểm, tính theo tiêu chí 7 điểm (chênh +0,5).", fraction.Message);
    }

    [Fact]
    public void A_total_message_names_its_own_totals()
    {
        var ninetyNine = ScoringEngine.Score(DefaultRubric.Rubric, Seed with { SelfTotal = 99m }).Discrepancies.Single();
        var ninetyEight = ScoringEngine.Score(DefaultRubric.Rubric, Seed with { SelfTotal = 98m }).Discrepancies.Single();

        Assert.Equal("Tổng điểm tự chấm 99, tổng điểm tính theo tiêu chí 100 (chênh -1).", ninetyNine.Message);
        Assert.Equal("Tổng điểm tự chấm 98, tổng điểm tính theo tiêu chí 100 (chênh -2).", ninetyEight.Message);
    }
}
