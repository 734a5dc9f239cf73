namespace CulturalServerless.UnitTests.Scoring;

/// <summary>Both sides of every bar of every threshold in the default rubric, and of the pass mark.</summary>
public sealed class ThresholdBoundaryTests
{
    private static readonly AssessmentSubmission Seed = SeedSubmission.Load();

    private static SubCriterionScore ScoreOf(AssessmentSubmission submission, string code)
    {
        var validation = SubmissionValidator.Validate(DefaultRubric.Rubric, submission);
        Assert.True(validation.IsValid, string.Join("; ", validation.Problems.Select(p => p.MessageEn)));
        return ScoringEngine.Score(DefaultRubric.Rubric, submission).SubCriteria.Single(s => s.Code == code);
    }

    /// <summary>
    /// For each reported (not derived) threshold indicator and each of its bars: the value at the bar
    /// earns that bar's points, the smallest step below it earns the next bar's (or nothing). The
    /// item's other rules are met in the seed, so they contribute their full points.
    /// </summary>
    public static TheoryData<string, string, decimal, decimal> EveryBarOfTheDefaultRubric()
    {
        var data = new TheoryData<string, string, decimal, decimal>();
        foreach (var item in DefaultRubric.Rubric.Criteria.SelectMany(c => c.Items))
        {
            foreach (var rule in item.Rules.OfType<ThresholdRule>())
            {
                var indicator = item.FindIndicator(rule.Indicator)!;
                if (indicator.Derivation is not null)
                {
                    continue;
                }
                var others = item.MaxPoints - rule.Points;
                var epsilon = indicator.Kind == IndicatorKind.Count ? 1m : 0.01m;
                var bars = new List<(decimal Bar, decimal Points)> { (rule.AtLeast!.Value, rule.Points) };
                bars.AddRange(rule.Steps.Select(s => (s.AtLeast!.Value, s.Points)));
                for (var b = 0; b < bars.Count; b++)
                {
                    var below = b + 1 < bars.Count ? bars[b + 1].Points : 0m;
                    data.Add(item.Code, rule.Indicator, bars[b].Bar, others + bars[b].Points);
                    data.Add(item.Code, rule.Indicator, bars[b].Bar - epsilon, others + below);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryBarOfTheDefaultRubric))]
    public void A_figure_at_a_bar_earns_its_points_and_just_below_earns_the_next(string code, string indicator, decimal value, decimal expectedPoints)
    {
        var score = ScoreOf(Seed.WithIndicator(code, indicator, IndicatorValue.Of(value)), code);

        Assert.Equal(expectedPoints, score.Points);
        Assert.Equal(RuleKind.Threshold, score.Rule);
    }

    [Fact]
    public void Every_threshold_bar_of_the_default_rubric_is_covered()
    {
        // 1.1: 3 bars, 1.2: 3, 1.4 on-time: 3, 1.5: 1, 2.1: 3, 3.1: 2 — two cases each.
        Assert.Equal(30, EveryBarOfTheDefaultRubric().Count());
    }

    [Theory]
    [InlineData(100, 10, "Tỷ lệ CBCCVC đạt LĐTT trở lên 100% ≥ 100% → 10/10 điểm")]
    [InlineData(99.99, 7, "Tỷ lệ CBCCVC đạt LĐTT trở lên 99,99% < 100%, ≥ 95% → 7/10 điểm")]
    [InlineData(94.99, 4, "Tỷ lệ CBCCVC đạt LĐTT trở lên 94,99% < 100%, ≥ 90% → 4/10 điểm")]
    [InlineData(89.99, 0, "Tỷ lệ CBCCVC đạt LĐTT trở lên 89,99% < 100%, < 90% → 0/10 điểm")]
    public void Emulation_share_steps_down_from_10_points(double share, int points, string explanation)
    {
        var score = ScoreOf(Seed.WithIndicator("1.1", "advancedWorkerShare", IndicatorValue.Of((decimal)share)), "1.1");

        Assert.Equal(points, score.Points);
        Assert.Equal(explanation, score.Explanation);
    }

    [Theory]
    [InlineData(95, 5, 0, 5)]
    [InlineData(9_499, 501, 0, 4)]
    [InlineData(90, 9, 1, 4)]
    [InlineData(8_999, 1_000, 1, 3)]
    public void Satisfaction_share_is_computed_from_the_counts_and_scored_on_its_bars(int satisfied, int neutral, int dissatisfied, int itemPoints)
    {
        var submission = Seed.WithoutIndicator("1.4", "satisfiedShare").WithoutIndicator("1.4", "neutralShare")
            .WithIndicator("1.4", "satisfiedCount", IndicatorValue.Of(satisfied))
            .WithIndicator("1.4", "neutralCount", IndicatorValue.Of(neutral))
            .WithIndicator("1.4", "dissatisfiedCount", IndicatorValue.Of(dissatisfied));

        Assert.Equal(itemPoints, ScoreOf(submission, "1.4").Points);
    }

    [Fact]
    public void A_share_is_truncated_not_rounded_so_it_never_crosses_a_bar_it_did_not_reach()
    {
        // 94,999% would round to 95,00%: it must stay below the 95% bar.
        var submission = Seed.WithoutIndicator("1.4", "satisfiedShare").WithoutIndicator("1.4", "neutralShare")
            .WithIndicator("1.4", "satisfiedCount", IndicatorValue.Of(94_999m))
            .WithIndicator("1.4", "neutralCount", IndicatorValue.Of(5_001m));

        var score = ScoreOf(submission, "1.4");

        Assert.Equal(4m, score.Points);
        Assert.Contains("94,99% < 95%", score.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(98, 5)]
    [InlineData(97.99, 4)]
    public void On_time_share_reported_as_a_figure_meets_the_98_percent_bar_at_98(double share, int itemPoints)
    {
        Assert.Equal(itemPoints, ScoreOf(Seed.WithIndicator("1.4", "onTimeResolvedShare", IndicatorValue.Of((decimal)share)), "1.4").Points);
    }

    [Fact]
    public void A_bound_below_the_bar_does_not_reach_it()
    {
        Assert.Equal(4m, ScoreOf(Seed.WithIndicator("1.4", "onTimeResolvedShare", IndicatorValue.Above(97m)), "1.4").Points);
    }

    [Theory]
    [InlineData(98.01, 10)]
    [InlineData(98, 5)]
    [InlineData(90.01, 5)]
    [InlineData(90, 0)]
    public void An_above_bar_is_not_reached_at_the_bar_itself(double share, int points)
    {
        var score = ScoringEngine.Score(TrialRubric.Rubric, TrialRubric.Submission(onTimeShare: IndicatorValue.Of((decimal)share)));

        Assert.Equal(points, score.SubCriteria.Single(s => s.Code == "1.2").Points);
    }

    [Fact]
    public void Reported_bounds_reach_an_above_bar_only_when_they_are_certainly_above_it()
    {
        var above = ScoringEngine.Score(TrialRubric.Rubric, TrialRubric.Submission(onTimeShare: IndicatorValue.Above(98m)));
        var atLeast = ScoringEngine.Score(TrialRubric.Rubric, TrialRubric.Submission(onTimeShare: IndicatorValue.AtLeast(98m)));

        Assert.Equal(10m, above.SubCriteria.Single(s => s.Code == "1.2").Points);
        Assert.Equal(5m, atLeast.SubCriteria.Single(s => s.Code == "1.2").Points);
        Assert.Equal("Tỷ lệ đúng hạn ≥ 98% chưa đạt mức > 98%, > 90% → 5/10 điểm; Kết quả kiểm toán đạt: có → đạt; Số sự cố nghiêm trọng: 0 vụ → đạt; cả mục: 5/10 điểm", atLeast.SubCriteria.Single(s => s.Code == "1.2").Explanation);
    }

    [Fact]
    public void A_total_of_exactly_85_passes()
    {
        // 100 − 10 (2.3, conference late) − 5 (1.3, one ethics violation) = 85.
        var submission = Seed.WithIndicator("2.3", "staffConferenceOnTime", IndicatorValue.Of(false))
            .WithIndicator("1.3", "ethicsViolations", IndicatorValue.Of(1m));

        var score = ScoringEngine.Score(DefaultRubric.Rubric, submission);

        Assert.Equal(85m, score.Total);
        Assert.Equal(Verdict.Passed, score.Verdict);
        Assert.Equal(VerdictReason.TotalReached, Assert.Single(score.Reasons).Code);
    }

    [Fact]
    public void A_total_just_under_85_fails_with_the_reason()
    {
        var submission = Seed.WithIndicator("2.3", "staffConferenceOnTime", IndicatorValue.Of(false))
            .WithIndicator("1.3", "ethicsViolations", IndicatorValue.Of(1m))
            .WithIndicator("1.4", "onTimeResolvedShare", IndicatorValue.Of(97.99m));

        var score = ScoringEngine.Score(DefaultRubric.Rubric, submission);

        Assert.Equal(84m, score.Total);
        Assert.Equal(Verdict.Failed, score.Verdict);
        var reason = Assert.Single(score.Reasons);
        Assert.Equal(VerdictReason.TotalBelow, reason.Code);
        Assert.Equal("Tổng điểm 84/100 < 85 điểm", reason.Message);
    }
}
