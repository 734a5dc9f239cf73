namespace CulturalServerless.UnitTests.Scoring;

/// <summary>Zero-tolerance and knock-out rules: kept at the allowed level, violated just past it.</summary>
public sealed class GateRuleTests
{
    private static readonly AssessmentSubmission Seed = SeedSubmission.Load();

    public static TheoryData<string, string> EveryZeroToleranceRuleOfTheDefaultRubric()
    {
        var data = new TheoryData<string, string>();
        foreach (var item in DefaultRubric.Rubric.Criteria.SelectMany(c => c.Items))
        {
            foreach (var rule in item.Rules.OfType<ZeroToleranceRule>())
            {
                data.Add(item.Code, rule.Indicator);
            }
        }
        return data;
    }

    private static IndicatorValue Violating(string code, string indicatorId)
    {
        var item = DefaultRubric.Rubric.FindItem(code)!;
        var rule = item.Rules.OfType<GateRule>().Single(r => r.Indicator == indicatorId);
        return item.FindIndicator(indicatorId)!.Kind == IndicatorKind.Boolean ? IndicatorValue.Of(!rule.Expected!.Value) : IndicatorValue.Of(rule.Allowed + 1m);
    }

    [Theory]
    [MemberData(nameof(EveryZeroToleranceRuleOfTheDefaultRubric))]
    public void A_single_violation_takes_the_sub_criterion_to_zero_but_does_not_refuse_recognition(string code, string indicator)
    {
        var score = ScoringEngine.Score(DefaultRubric.Rubric, Seed.WithIndicator(code, indicator, Violating(code, indicator)));

        var item = score.SubCriteria.Single(s => s.Code == code);
        Assert.Equal(0m, item.Points);
        Assert.Equal(RuleKind.ZeroTolerance, item.Rule);
        Assert.Equal([ScoreFlag.ZeroTolerance], item.Flags);
        Assert.Contains("vi phạm, tiểu mục 0 điểm", item.Explanation, StringComparison.Ordinal);
        Assert.Equal(100m - item.MaxPoints, score.Total);
        Assert.Equal(Verdict.Passed, score.Verdict);
        Assert.Empty(score.KnockOuts);
    }

    [Fact]
    public void Every_zero_tolerance_figure_of_the_seed_is_at_its_allowed_level_and_scores_full()
    {
        var score = ScoringEngine.Score(DefaultRubric.Rubric, Seed);

        foreach (var code in EveryZeroToleranceRuleOfTheDefaultRubric().Select(row => (string)row[0]).Distinct())
        {
            var item = score.SubCriteria.Single(s => s.Code == code);
            Assert.Equal(item.MaxPoints, item.Points);
            Assert.Empty(item.Flags);
        }
    }

    [Fact]
    public void Anyone_disciplined_at_warning_level_refuses_recognition_whatever_the_total()
    {
        var score = ScoringEngine.Score(DefaultRubric.Rubric, Seed.WithIndicator("3.2", "disciplinedAtWarningOrAbove", IndicatorValue.Of(1m)));

        Assert.Equal(90m, score.Total);
        Assert.True(score.Total >= score.PassThreshold);
        Assert.Equal(Verdict.Failed, score.Verdict);
        var knockOut = Assert.Single(score.KnockOuts);
        Assert.Equal(("3.2", "disciplinedAtWarningOrAbove"), (knockOut.Code, knockOut.Indicator));
        Assert.Equal("Tiểu mục 3.2: có người vi phạm pháp luật bị xử lý từ hình thức cảnh cáo trở lên", knockOut.Reason);
        Assert.Equal([VerdictReason.TotalReached, VerdictReason.KnockOut], score.Reasons.Select(r => r.Code));
        var item = score.SubCriteria.Single(s => s.Code == "3.2");
        Assert.Equal((0m, RuleKind.KnockOut), (item.Points, item.Rule));
        Assert.Equal([ScoreFlag.KnockOut], item.Flags);
        Assert.StartsWith("Số người vi phạm pháp luật bị xử lý từ hình thức cảnh cáo trở lên: 1 người > 0 người → loại trực tiếp", item.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void No_one_disciplined_keeps_the_knock_out_silent()
    {
        var score = ScoringEngine.Score(DefaultRubric.Rubric, Seed.WithIndicator("3.2", "disciplinedAtWarningOrAbove", IndicatorValue.Of(0m)));

        Assert.Empty(score.KnockOuts);
        Assert.Equal(Verdict.Passed, score.Verdict);
    }

    [Fact]
    public void A_knock_out_outranks_a_zero_tolerance_violation_in_the_same_item()
    {
        var submission = Seed.WithIndicator("3.2", "complaintsBeyondLevel", IndicatorValue.Of(2m))
            .WithIndicator("3.2", "disciplinedAtWarningOrAbove", IndicatorValue.Of(1m));

        var item = ScoringEngine.Score(DefaultRubric.Rubric, submission).SubCriteria.Single(s => s.Code == "3.2");

        Assert.Equal(RuleKind.KnockOut, item.Rule);
        Assert.Equal([ScoreFlag.KnockOut], item.Flags);
    }

    [Fact]
    public void A_yes_no_knock_out_refuses_recognition_when_the_answer_differs()
    {
        var failed = ScoringEngine.Score(TrialRubric.Rubric, TrialRubric.Submission(auditPassed: false));
        var passed = ScoringEngine.Score(TrialRubric.Rubric, TrialRubric.Submission(auditPassed: true));

        Assert.Equal(Verdict.Failed, failed.Verdict);
        Assert.Equal("Tiểu mục 1.2: kiểm toán không đạt", Assert.Single(failed.KnockOuts).Reason);
        Assert.Equal(0m, failed.SubCriteria.Single(s => s.Code == "1.2").Points);
        Assert.Equal(Verdict.Passed, passed.Verdict);
    }

    [Fact]
    public void Two_knock_outs_give_two_reasons()
    {
        var score = ScoringEngine.Score(TrialRubric.Rubric, TrialRubric.Submission(auditPassed: false, seriousIncidents: 1m));

        Assert.Equal(["Tiểu mục 1.2: kiểm toán không đạt", "Tiểu mục 1.2: Số sự cố nghiêm trọng"], score.KnockOuts.Select(k => k.Reason));
        // The knock-outs zero item 1.2 as well, so the total falls under the mark too.
        Assert.Equal([VerdictReason.TotalBelow, VerdictReason.KnockOut, VerdictReason.KnockOut], score.Reasons.Select(r => r.Code));
    }
}
