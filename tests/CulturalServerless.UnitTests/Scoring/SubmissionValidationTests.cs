namespace CulturalServerless.UnitTests.Scoring;

/// <summary>Each check of a submission, triggered by changing the seed submission in one place.</summary>
public sealed class SubmissionValidationTests
{
    private static readonly AssessmentSubmission Seed = SeedSubmission.Load();

    private static IReadOnlyList<ValidationProblem> Problems(AssessmentSubmission submission) =>
        new AssessmentEvaluator(RubricCatalog.Shipped).Evaluate(submission).Validation.Problems;

    private static ValidationProblem AssertOnly(AssessmentSubmission submission, string path, string code)
    {
        var problems = Problems(submission);
        var problem = Assert.Single(problems);
        Assert.Equal(path, problem.Path);
        Assert.Equal(code, problem.Code);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        Assert.False(string.IsNullOrWhiteSpace(problem.MessageEn));
        return problem;
    }

    [Fact]
    public void A_missing_sub_criterion_is_reported_at_its_key()
    {
        AssertOnly(Seed.WithoutSubCriterion("2.3"), "$.criteria['2.3']", "submission.sub-criterion-missing");
    }

    [Fact]
    public void An_unknown_sub_criterion_is_reported_at_its_key()
    {
        AssertOnly(Seed.WithReport("4.1", r => r), "$.criteria['4.1']", "submission.sub-criterion-unknown");
    }

    [Fact]
    public void An_unknown_indicator_is_reported()
    {
        AssertOnly(Seed.WithIndicator("1.4", "happyCount", IndicatorValue.Of(1m)), "$.criteria['1.4'].indicators.happyCount", "submission.indicator-unknown");
    }

    [Fact]
    public void A_missing_required_indicator_is_reported()
    {
        AssertOnly(Seed.WithoutIndicator("1.1", "advancedWorkerShare"), "$.criteria['1.1'].indicators.advancedWorkerShare", "submission.indicator-missing");
    }

    [Fact]
    public void A_derived_indicator_may_be_left_out_when_its_sources_are_reported()
    {
        Assert.Empty(Problems(Seed.WithoutIndicator("1.4", "satisfiedShare")));
    }

    [Fact]
    public void A_derived_indicator_whose_sources_are_missing_is_reported()
    {
        var submission = Seed.WithoutIndicator("1.4", "satisfiedShare").WithoutIndicator("1.4", "neutralCount");

        var problems = Problems(submission);

        Assert.Contains(problems, p => p.Path == "$.criteria['1.4'].indicators.neutralCount" && p.Code == "submission.indicator-missing");
        Assert.Contains(problems, p => p.Path == "$.criteria['1.4'].indicators.satisfiedShare" && p.Code == "submission.indicator-missing");
    }

    [Theory]
    [InlineData("1.1", "advancedWorkerShare")]
    [InlineData("1.4", "satisfiedCount")]
    [InlineData("3.3", "effectiveWorkingHours")]
    public void Text_where_a_number_is_expected_is_reported(string code, string indicator)
    {
        AssertOnly(Seed.WithIndicator(code, indicator, IndicatorValue.Of("100%")), $"$.criteria['{code}'].indicators.{indicator}", "submission.indicator-kind");
    }

    [Fact]
    public void A_number_where_yes_or_no_is_expected_is_reported()
    {
        AssertOnly(Seed.WithIndicator("2.3", "staffConferenceOnTime", IndicatorValue.Of(1m)), "$.criteria['2.3'].indicators.staffConferenceOnTime", "submission.indicator-kind");
    }

    [Fact]
    public void Yes_or_no_where_text_is_expected_is_reported()
    {
        AssertOnly(Seed.WithIndicator("1.3", "codeOfConduct", IndicatorValue.Of(true)), "$.criteria['1.3'].indicators.codeOfConduct", "submission.indicator-kind");
    }

    [Theory]
    [InlineData(100.01)]
    [InlineData(-0.01)]
    public void A_percentage_outside_0_to_100_is_reported(double share)
    {
        AssertOnly(Seed.WithIndicator("2.1", "civilisedRitesShare", IndicatorValue.Of((decimal)share)), "$.criteria['2.1'].indicators.civilisedRitesShare", "submission.indicator-out-of-range");
    }

    [Fact]
    public void A_percentage_reported_as_above_100_is_reported()
    {
        AssertOnly(Seed.WithIndicator("2.1", "civilisedRitesShare", IndicatorValue.Above(100m)), "$.criteria['2.1'].indicators.civilisedRitesShare", "submission.indicator-out-of-range");
    }

    [Fact]
    public void Percentages_at_0_and_100_are_accepted()
    {
        Assert.Empty(Problems(Seed.WithIndicator("2.1", "civilisedRitesShare", IndicatorValue.Of(0m))));
        Assert.Empty(Problems(Seed.WithIndicator("2.1", "civilisedRitesShare", IndicatorValue.Of(100m))));
    }

    [Fact]
    public void A_negative_count_is_reported()
    {
        AssertOnly(Seed.WithIndicator("2.4", "smokingViolations", IndicatorValue.Of(-1m)), "$.criteria['2.4'].indicators.smokingViolations", "submission.indicator-out-of-range");
    }

    [Fact]
    public void A_fractional_count_is_reported()
    {
        AssertOnly(Seed.WithIndicator("1.5", "initiativesApplied", IndicatorValue.Of(2.5m)), "$.criteria['1.5'].indicators.initiativesApplied", "submission.indicator-not-whole");
    }

    [Fact]
    public void An_amount_outside_the_rubric_range_is_reported()
    {
        AssertOnly(Seed.WithIndicator("3.3", "effectiveWorkingHours", IndicatorValue.Of(25m)), "$.criteria['3.3'].indicators.effectiveWorkingHours", "submission.indicator-out-of-range");
    }

    [Fact]
    public void A_satisfaction_share_that_disagrees_with_the_counts_is_reported()
    {
        var problem = AssertOnly(Seed.WithIndicator("1.4", "satisfiedShare", IndicatorValue.Of(95m)), "$.criteria['1.4'].indicators.satisfiedShare", "submission.indicator-inconsistent");

        Assert.Contains("99,89", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ratings_total_that_is_not_the_sum_of_the_counts_is_reported()
    {
        AssertOnly(Seed.WithIndicator("1.4", "ratingsTotal", IndicatorValue.Of(33_000m)), "$.criteria['1.4'].indicators.ratingsTotal", "submission.indicator-inconsistent");
    }

    [Fact]
    public void A_ratings_total_equal_to_the_sum_of_the_counts_is_accepted()
    {
        Assert.Empty(Problems(Seed.WithIndicator("1.4", "ratingsTotal", IndicatorValue.Of(33_124m))));
    }

    [Fact]
    public void A_self_score_above_the_item_maximum_is_reported()
    {
        AssertOnly(Seed.WithReport("1.1", r => r with { SelfScore = 10.5m }), "$.criteria['1.1'].selfScore", "submission.self-score-range");
    }

    [Fact]
    public void A_negative_self_score_is_reported()
    {
        AssertOnly(Seed.WithReport("2.2", r => r with { SelfScore = -1m }), "$.criteria['2.2'].selfScore", "submission.self-score-range");
    }

    [Fact]
    public void A_self_total_above_the_rubric_total_is_reported()
    {
        AssertOnly(Seed with { SelfTotal = 101m }, "$.selfTotal", "submission.self-total-range");
    }

    [Fact]
    public void A_self_total_that_is_not_the_sum_of_the_self_scores_is_reported()
    {
        var selfScores = DefaultRubric.Rubric.Criteria.SelectMany(c => c.Items).ToDictionary(i => i.Code, i => i.MaxPoints);

        AssertOnly(Seed.WithSelfScores(selfScores), "$.selfTotal", "submission.self-total-mismatch");
        Assert.Empty(Problems(Seed.WithSelfScores(selfScores) with { SelfTotal = 100m }));
    }

    [Fact]
    public void Staff_categories_not_adding_up_to_the_total_are_reported()
    {
        var staff = Seed.Staff! with { Total = 90 };

        var problem = AssertOnly(Seed with { Staff = staff }, "$.staff.categories", "submission.staff-sum-mismatch");
        Assert.Contains("60 + 14 + 15 = 89", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_staff_category_is_reported()
    {
        var staff = Seed.Staff! with
        {
            Total = 90,
            Categories = new Dictionary<string, int>(Seed.Staff.Categories) { ["volunteers"] = 1 },
        };

        AssertOnly(Seed with { Staff = staff }, "$.staff.categories.volunteers", "submission.staff-category-unknown");
    }

    [Fact]
    public void A_missing_staff_category_is_reported()
    {
        var categories = new Dictionary<string, int>(Seed.Staff!.Categories);
        categories.Remove("contractWorkers");
        var staff = Seed.Staff with { Total = 75, Categories = categories };

        AssertOnly(Seed with { Staff = staff }, "$.staff.categories.contractWorkers", "submission.required");
    }

    [Fact]
    public void Missing_staff_counts_are_reported()
    {
        AssertOnly(Seed with { Staff = null }, "$.staff", "submission.required");
        AssertOnly(Seed with { Staff = Seed.Staff! with { Total = null } }, "$.staff.total", "submission.required");
    }

    [Fact]
    public void A_negative_staff_count_is_reported()
    {
        var staff = Seed.Staff! with
        {
            Total = 74,
            Categories = new Dictionary<string, int>(Seed.Staff.Categories) { ["contractWorkers"] = -1 },
        };

        AssertOnly(Seed with { Staff = staff }, "$.staff.categories.contractWorkers", "submission.out-of-range");
    }

    [Fact]
    public void A_narrative_over_its_limit_is_reported()
    {
        var limit = DefaultRubric.Rubric.TextLimits.Narrative;

        AssertOnly(Seed.WithReport("3.1", r => r with { Narrative = new string('a', limit + 1) }), "$.criteria['3.1'].narrative", "submission.text-too-long");
        Assert.Empty(Problems(Seed.WithReport("3.1", r => r with { Narrative = new string('a', limit) })));
    }

    [Fact]
    public void A_general_situation_over_its_limit_is_reported()
    {
        AssertOnly(Seed with { GeneralSituation = new string('x', DefaultRubric.Rubric.TextLimits.GeneralSituation + 1) }, "$.generalSituation", "submission.text-too-long");
    }

    [Fact]
    public void A_missing_general_situation_is_reported()
    {
        AssertOnly(Seed with { GeneralSituation = "  " }, "$.generalSituation", "submission.required");
    }

    [Fact]
    public void A_remark_over_its_limit_is_reported_at_its_index()
    {
        var remarks = Seed.Remarks.Append(new string('x', DefaultRubric.Rubric.TextLimits.Remark + 1)).ToArray();

        AssertOnly(Seed with { Remarks = remarks }, "$.remarks[4]", "submission.text-too-long");
    }

    [Fact]
    public void Too_many_remarks_are_reported()
    {
        var remarks = Enumerable.Repeat("Ý kiến.", DefaultRubric.Rubric.TextLimits.MaxRemarks + 1).ToArray();

        AssertOnly(Seed with { Remarks = remarks }, "$.remarks", "submission.too-many");
    }

    [Fact]
    public void Recommendations_over_their_limit_are_reported()
    {
        AssertOnly(Seed with { Recommendations = new string('x', DefaultRubric.Rubric.TextLimits.Recommendations + 1) }, "$.recommendations", "submission.text-too-long");
    }

    [Fact]
    public void A_blank_or_too_long_recipient_is_reported_at_its_index()
    {
        string[] recipients = [Seed.Recipients[0], " ", new string('x', DefaultRubric.Rubric.TextLimits.Recipient + 1)];

        var problems = Problems(Seed with { Recipients = recipients });

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Path == "$.recipients[1]" && p.Code == "submission.required");
        Assert.Contains(problems, p => p.Path == "$.recipients[2]" && p.Code == "submission.text-too-long");
    }

    [Fact]
    public void Evidence_over_its_limit_is_reported_at_its_index()
    {
        var evidence = new[] { Seed.Criteria["1.2"].Evidence[0], new string('x', DefaultRubric.Rubric.TextLimits.Evidence + 1) };

        AssertOnly(Seed.WithReport("1.2", r => r with { Evidence = evidence }), "$.criteria['1.2'].evidence[1]", "submission.text-too-long");
    }

    [Fact]
    public void A_text_indicator_over_its_limit_is_reported()
    {
        AssertOnly(Seed.WithIndicator("1.3", "codeOfConduct", IndicatorValue.Of(new string('x', 501))), "$.criteria['1.3'].indicators.codeOfConduct", "submission.text-too-long");
    }

    [Fact]
    public void Text_length_is_counted_after_NFC_normalisation()
    {
        var limit = DefaultRubric.Rubric.TextLimits.Narrative;
        // "ệ" decomposed is three code units; the same letter composed is one.
        var decomposed = string.Concat(Enumerable.Repeat("e\u0323\u0302", limit));
        Assert.Equal(limit * 3, decomposed.Length);

        var evaluation = new AssessmentEvaluator(RubricCatalog.Shipped).Evaluate(Seed.WithReport("3.1", r => r with { Narrative = decomposed }));

        Assert.Empty(evaluation.Validation.Problems);
        Assert.Equal(limit, evaluation.Submission.Criteria["3.1"].Narrative!.Length);
        Assert.True(evaluation.Submission.Criteria["3.1"].Narrative!.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Every_text_of_the_submission_comes_back_in_NFC()
    {
        const string nfd = "Kie\u0302\u0301n nghi\u0323";
        var submission = (Seed with { GeneralSituation = nfd, Recommendations = nfd, Remarks = [nfd], Recipients = [nfd] })
            .WithReport("1.2", r => r with { Evidence = [nfd], Narrative = nfd })
            .WithIndicator("1.3", "codeOfConduct", IndicatorValue.Of(nfd));

        var normalised = new AssessmentEvaluator(RubricCatalog.Shipped).Evaluate(submission).Submission;

        const string nfc = "Kiến nghị";
        string?[] texts =
        [
            normalised.GeneralSituation, normalised.Recommendations, normalised.Remarks[0], normalised.Recipients[0],
            normalised.Criteria["1.2"].Evidence[0], normalised.Criteria["1.2"].Narrative, normalised.Criteria["1.3"].Indicators["codeOfConduct"].Text,
        ];
        Assert.All(texts, text => Assert.Equal(nfc, text));
    }

    [Fact]
    public void An_NFC_submission_is_not_copied()
    {
        Assert.Same(Seed, SubmissionText.ToNfc(Seed));
    }

    [Fact]
    public void A_rubric_id_that_does_not_exist_is_reported()
    {
        AssertOnly(Seed with { RubricId = "co-quan-1999" }, "$.rubricId", "submission.rubric-unknown");
    }

    [Fact]
    public void A_year_without_a_rubric_is_reported_when_no_rubric_id_is_given()
    {
        AssertOnly(Seed with { RubricId = null, Year = 2019 }, "$.year", "submission.rubric-not-found");
    }

    [Fact]
    public void Without_a_rubric_id_the_rubric_is_chosen_by_year()
    {
        var evaluation = new AssessmentEvaluator(RubricCatalog.Shipped).Evaluate(Seed with { RubricId = null });

        Assert.Equal(DefaultRubric.Id, evaluation.Rubric?.Id);
        Assert.True(evaluation.IsValid);
    }

    [Fact]
    public void A_year_the_named_rubric_does_not_cover_is_reported()
    {
        AssertOnly(Seed with { Year = 2023 }, "$.year", "submission.year-not-covered");
    }

    [Fact]
    public void A_rubric_id_other_than_the_rubric_used_is_reported()
    {
        var problems = SubmissionValidator.Validate(DefaultRubric.Rubric, Seed with { RubricId = "other" });

        var problem = Assert.Single(problems.Problems);
        Assert.Equal(("$.rubricId", "submission.rubric-mismatch"), (problem.Path, problem.Code));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_an_invalid_submission_is_not_scored()
    {
        var submission = (Seed with { SelfTotal = 120m, Staff = Seed.Staff! with { Total = 1 } })
            .WithoutSubCriterion("2.3")
            .WithIndicator("1.1", "advancedWorkerShare", IndicatorValue.Of(150m))
            .WithIndicator("2.3", "staffConferenceOnTime", IndicatorValue.Of("có"));

        var evaluation = new AssessmentEvaluator(RubricCatalog.Shipped).Evaluate(submission);

        Assert.Equal(
            ["$.staff.categories", "$.criteria['1.1'].indicators.advancedWorkerShare", "$.criteria['2.3'].indicators.staffConferenceOnTime", "$.selfTotal"],
            evaluation.Validation.Problems.Select(p => p.Path));
        Assert.Null(evaluation.Score);
        Assert.False(evaluation.IsValid);
    }
}
