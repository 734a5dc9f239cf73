namespace CulturalServerless.UnitTests.Scoring;

/// <summary>The real 2022 report of the Office of the Quảng Ngãi People's Committee, scored under co-quan-2022.</summary>
public sealed class GoldenSeedReportTests
{
    private static AssessmentEvaluation Evaluate() => new AssessmentEvaluator(RubricCatalog.Shipped).Evaluate(SeedSubmission.Load());

    [Fact]
    public void The_seed_submission_is_valid_under_the_default_rubric()
    {
        var evaluation = Evaluate();

        Assert.Empty(evaluation.Validation.Problems);
        Assert.Equal(DefaultRubric.Id, evaluation.Rubric?.Id);
    }

    [Fact]
    public void The_seed_submission_carries_every_figure_the_report_gives()
    {
        var submission = SeedSubmission.Load();

        Assert.Equal(89, submission.Staff!.Total);
        Assert.Equal([60, 14, 15], [submission.Staff.Categories["officials"], submission.Staff.Categories["contractWorkers"], submission.Staff.Categories["publicEmployees"]]);
        Assert.Equal(100m, submission.Criteria["1.1"].Indicators["advancedWorkerShare"].Number);
        Assert.Equal(100m, submission.Criteria["1.2"].Indicators["trainingShare"].Number);
        Assert.Equal(13m, submission.Criteria["1.2"].Indicators["coursesAttended"].Number);
        Assert.Equal(26m, submission.Criteria["1.2"].Indicators["trainingParticipants"].Number);
        Assert.Equal(0m, submission.Criteria["1.3"].Indicators["ethicsViolations"].Number);
        Assert.Equal(IndicatorValue.Above(98m), submission.Criteria["1.4"].Indicators["onTimeResolvedShare"]);
        Assert.Equal(33_090m, submission.Criteria["1.4"].Indicators["satisfiedCount"].Number);
        Assert.Equal(99.89m, submission.Criteria["1.4"].Indicators["satisfiedShare"].Number);
        Assert.Equal(34m, submission.Criteria["1.4"].Indicators["neutralCount"].Number);
        Assert.Equal(0.1m, submission.Criteria["1.4"].Indicators["neutralShare"].Number);
        Assert.Equal(0m, submission.Criteria["1.4"].Indicators["dissatisfiedCount"].Number);
        Assert.Equal(36m, submission.Criteria["1.5"].Indicators["initiativesApplied"].Number);
        Assert.Equal(IndicatorValue.AtLeast(98m), submission.Criteria["2.1"].Indicators["civilisedRitesShare"]);
        Assert.True(submission.Criteria["2.3"].Indicators["staffConferenceOnTime"].Boolean);
        Assert.Equal(100m, submission.Criteria["3.1"].Indicators["lawAbidingShare"].Number);
        Assert.Equal(0m, submission.Criteria["3.2"].Indicators["disciplinedAtWarningOrAbove"].Number);
        Assert.Equal(8m, submission.Criteria["3.3"].Indicators["effectiveWorkingHours"].Number);
        Assert.Contains("Báo cáo số 1979/BC-VP ngày 11/11/2022 Kết quả đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2022", submission.Criteria["1.2"].Evidence);
        Assert.Equal("Không", submission.Recommendations);
        Assert.Equal(4, submission.Remarks.Count);
        Assert.Equal("Lưu: VT, HCQT", submission.Recipients[^1]);
        Assert.Equal(98m, submission.SelfTotal);
    }

    [Fact]
    public void Every_indicator_of_the_default_rubric_is_reported_or_derived_in_the_seed()
    {
        var submission = SeedSubmission.Load();
        var rubric = DefaultRubric.Rubric;

        var unreported = rubric.Criteria.SelectMany(c => c.Items)
            .SelectMany(item => item.Indicators.Select(indicator => (item, indicator)))
            .Where(x => x.indicator.Derivation is null && !submission.Criteria[x.item.Code].Indicators.ContainsKey(x.indicator.Id))
            .Select(x => $"{x.item.Code}/{x.indicator.Id}");

        Assert.Empty(unreported);
        Assert.Equal(rubric.Criteria.SelectMany(c => c.Items).Select(i => i.Code), submission.Criteria.Keys);
    }

    [Fact]
    public void The_seed_passes_with_full_marks_and_keeps_its_self_total_of_98_beside_them()
    {
        var score = Evaluate().Score!;

        Assert.Equal(Verdict.Passed, score.Verdict);
        Assert.Equal(100m, score.Total);
        Assert.Equal(98m, score.SelfTotal);
        Assert.Equal([30m, 40m, 30m], score.Criteria.Select(c => c.Points));
        Assert.All(score.SubCriteria, s => Assert.Equal(s.MaxPoints, s.Points));
        Assert.Empty(score.KnockOuts);
        Assert.Equal(VerdictReason.TotalReached, Assert.Single(score.Reasons).Code);
        Assert.Equal("Tổng điểm 100/100 ≥ 85 điểm", score.Reasons[0].Message);
    }

    [Fact]
    public void The_two_points_between_self_total_and_computed_total_are_flagged()
    {
        var discrepancy = Assert.Single(Evaluate().Score!.Discrepancies);

        Assert.Equal("$.selfTotal", discrepancy.Path);
        Assert.Equal(Discrepancy.TotalCode, discrepancy.Code);
        Assert.Equal(-2m, discrepancy.Difference);
        Assert.Equal("Tổng điểm tự chấm 98, tổng điểm tính theo tiêu chí 100 (chênh -2).", discrepancy.Message);
    }

    [Fact]
    public void Explanations_state_each_figure_bar_and_points_in_Vietnamese_number_format()
    {
        var items = Evaluate().Score!.SubCriteria.ToDictionary(s => s.Code);

        Assert.Equal("Tỷ lệ CBCCVC đạt LĐTT trở lên 100% ≥ 100% → 10/10 điểm", items["1.1"].Explanation);
        Assert.Equal(
            "Tỷ lệ hồ sơ công việc giải quyết đúng hạn > 98% ≥ 98% → 3/3 điểm; Tỷ lệ hài lòng và rất hài lòng 99,89% ≥ 95% → 2/2 điểm; cả mục: 5/5 điểm",
            items["1.4"].Explanation);
        Assert.Equal("Số trường hợp vi phạm nghĩa vụ, đạo đức, quy tắc ứng xử: 0 trường hợp → đạt; cả mục: 5/5 điểm", items["1.3"].Explanation);
        Assert.Equal("Tổ chức Hội nghị CBCCVC, người lao động kịp thời, đúng quy định: có → đạt; cả mục: 10/10 điểm", items["2.3"].Explanation);
        Assert.Equal(RuleKind.KnockOut, items["3.2"].Rule);
        Assert.Equal(RuleKind.Threshold, items["1.4"].Rule);
        Assert.Equal(RuleKind.ZeroTolerance, items["2.2"].Rule);
    }

    [Fact]
    public void The_score_result_serialises_with_the_system_json_shape()
    {
        var json = JsonSerializer.Serialize(Evaluate().Score, JsonDefaults.Options);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal("passed", root.GetProperty("verdict").GetString());
        Assert.Equal("knock-out", root.GetProperty("subCriteria")[10].GetProperty("rule").GetString());
        Assert.Equal("standard", root.GetProperty("subCriteria")[0].GetProperty("kind").GetString());
        Assert.Contains("Tỷ lệ CBCCVC đạt LĐTT", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize<ScoreResult>(json, JsonDefaults.Options)!;
        Assert.Equal(100m, back.Total);
        Assert.Equal(Evaluate().Score!.SubCriteria, back.SubCriteria, new SubCriterionScoreComparer());
    }

    [Fact]
    public void The_sample_round_trips_through_the_submission_model_unchanged()
    {
        var original = JsonDocument.Parse(SeedSubmission.Json).RootElement;
        var written = JsonSerializer.SerializeToElement(SeedSubmission.Load(), JsonDefaults.Options);

        Assert.True(JsonElement.DeepEquals(original, written), written.ToString());
    }

    private sealed class SubCriterionScoreComparer : IEqualityComparer<SubCriterionScore>
    {
        public bool Equals(SubCriterionScore? x, SubCriterionScore? y) =>
            x is not null && y is not null && x.Code == y.Code && x.Points == y.Points && x.Rule == y.Rule
            && x.Explanation == y.Explanation && x.Flags.SequenceEqual(y.Flags);

        public int GetHashCode(SubCriterionScore obj) => obj.Code.GetHashCode(StringComparison.Ordinal);
    }
}
