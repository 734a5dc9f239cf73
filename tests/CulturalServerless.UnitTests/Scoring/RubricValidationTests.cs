using System.Text.Json.Nodes;

namespace CulturalServerless.UnitTests.Scoring;

/// <summary>Each check of a rubric document, triggered by breaking the shipped rubric in one place.</summary>
public sealed class RubricValidationTests
{
    private static IReadOnlyList<ValidationProblem> ProblemsAfter(Action<JsonObject> breakIt)
    {
        var node = DefaultRubric.Node;
        breakIt(node);
        return RubricLoader.Load(node.ToJsonString()).Validation.Problems;
    }

    private static void AssertProblem(IReadOnlyList<ValidationProblem> problems, string path, string code)
    {
        Assert.Contains(problems, p => p.Path == path && p.Code == code);
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message) || string.IsNullOrWhiteSpace(p.MessageEn)));
    }

    [Fact]
    public void The_shipped_rubric_has_no_problems()
    {
        var loaded = RubricLoader.Load(DefaultRubric.Json);

        Assert.True(loaded.IsValid, string.Join("\n", loaded.Validation.Problems.Select(p => $"{p.Path}: {p.MessageEn}")));
    }

    [Fact]
    public void The_default_rubric_scores_30_40_30_and_passes_at_85()
    {
        var rubric = DefaultRubric.Rubric;

        Assert.Equal([30m, 40m, 30m], rubric.Criteria.Select(c => c.MaxPoints));
        Assert.Equal(100m, rubric.TotalPoints);
        Assert.Equal(85m, rubric.PassThreshold);
        Assert.Equal(["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"], rubric.Criteria.SelectMany(c => c.Items).Select(i => i.Code));
    }

    [Fact]
    public void A_repeated_sub_criterion_code_is_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "1.2")["code"] = "1.1");

        AssertProblem(problems, "$.criteria[0].items[1].code", "rubric.duplicate-code");
    }

    [Fact]
    public void A_repeated_criterion_code_is_reported()
    {
        var problems = ProblemsAfter(r => r["criteria"]![1]!["code"] = "1");

        AssertProblem(problems, "$.criteria[1].code", "rubric.duplicate-code");
    }

    [Fact]
    public void Sub_items_not_adding_up_to_their_criterion_are_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "2.3")["maxPoints"] = 9);

        AssertProblem(problems, "$.criteria[1].maxPoints", "rubric.items-sum");
    }

    [Fact]
    public void Criteria_not_adding_up_to_the_total_are_reported()
    {
        var problems = ProblemsAfter(r => r["totalPoints"] = 90);

        AssertProblem(problems, "$.totalPoints", "rubric.criteria-sum");
    }

    [Fact]
    public void Rule_points_not_adding_up_to_the_item_are_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "1.4")["rules"]![1]!["points"] = 3);

        AssertProblem(problems, "$.criteria[0].items[3].maxPoints", "rubric.rules-sum");
    }

    [Fact]
    public void A_rule_reading_an_undefined_indicator_is_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "1.1")["rules"]![0]!["indicator"] = "advancedWorkersShare");

        AssertProblem(problems, "$.criteria[0].items[0].rules[0].indicator", "rubric.rule-indicator-unknown");
    }

    [Fact]
    public void A_rule_reading_an_optional_indicator_is_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "1.3")["indicators"]![0]!["required"] = false);

        AssertProblem(problems, "$.criteria[0].items[2].rules[0].indicator", "rubric.rule-indicator-optional");
    }

    [Fact]
    public void A_threshold_on_a_yes_no_indicator_is_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "2.3")["rules"] = JsonNode.Parse(
            """[{ "kind": "threshold", "indicator": "staffConferenceOnTime", "points": 10, "atLeast": 1 }]"""));

        AssertProblem(problems, "$.criteria[1].items[2].rules[0].indicator", "rubric.rule-indicator-kind");
    }

    [Fact]
    public void A_percentage_range_beyond_0_to_100_is_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "1.1")["indicators"]![0]!["max"] = 120);

        AssertProblem(problems, "$.criteria[0].items[0].indicators[0]", "rubric.range");
    }

    [Fact]
    public void A_minimum_above_the_maximum_is_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "3.3")["indicators"]![1]!["min"] = 30);

        AssertProblem(problems, "$.criteria[2].items[2].indicators[1]", "rubric.range");
    }

    [Fact]
    public void A_negative_count_range_is_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "1.5")["indicators"]![0]!["min"] = -1);

        AssertProblem(problems, "$.criteria[0].items[4].indicators[0]", "rubric.range");
    }

    [Fact]
    public void A_bar_outside_its_indicator_range_is_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "2.1")["rules"]![0]!["atLeast"] = 101);

        AssertProblem(problems, "$.criteria[1].items[0].rules[0].atLeast", "rubric.bar-range");
    }

    [Fact]
    public void A_threshold_with_both_or_neither_bar_is_reported()
    {
        var both = ProblemsAfter(r => DefaultRubric.Item(r, "2.1")["rules"]![0]!["above"] = 97);
        var neither = ProblemsAfter(r => DefaultRubric.Item(r, "2.1")["rules"]![0]!.AsObject().Remove("atLeast"));

        AssertProblem(both, "$.criteria[1].items[0].rules[0]", "rubric.bar");
        AssertProblem(neither, "$.criteria[1].items[0].rules[0]", "rubric.bar");
    }

    [Fact]
    public void Steps_out_of_order_or_worth_more_than_the_bar_above_are_reported()
    {
        var order = ProblemsAfter(r => DefaultRubric.Item(r, "2.1")["rules"]![0]!["steps"]![1]!["atLeast"] = 96);
        var points = ProblemsAfter(r => DefaultRubric.Item(r, "2.1")["rules"]![0]!["steps"]![0]!["points"] = 10);

        AssertProblem(order, "$.criteria[1].items[0].rules[0].steps[1]", "rubric.step-order");
        AssertProblem(points, "$.criteria[1].items[0].rules[0].steps[0].points", "rubric.step-points");
    }

    [Fact]
    public void A_yes_no_gate_without_its_expected_answer_is_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "2.3")["rules"]![0]!.AsObject().Remove("expected"));

        AssertProblem(problems, "$.criteria[1].items[2].rules[0].expected", "rubric.gate-expected");
    }

    [Fact]
    public void A_sub_criterion_without_rules_is_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "1.5")["rules"] = new JsonArray());

        AssertProblem(problems, "$.criteria[0].items[4].rules", "rubric.no-rules");
    }

    [Fact]
    public void A_repeated_indicator_id_is_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "1.2")["indicators"]![2]!["id"] = "coursesAttended");

        AssertProblem(problems, "$.criteria[0].items[1].indicators[2].id", "rubric.duplicate-indicator");
    }

    [Fact]
    public void A_derivation_from_an_undefined_source_is_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "1.4")["indicators"]![5]!["derivation"]!["part"] = "happyCount");

        AssertProblem(problems, "$.criteria[0].items[3].indicators[5].derivation", "rubric.derivation-source");
    }

    [Fact]
    public void A_derivation_that_is_neither_share_nor_sum_is_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "1.4")["indicators"]![5]!["derivation"] = new JsonObject());

        AssertProblem(problems, "$.criteria[0].items[3].indicators[5].derivation", "rubric.derivation");
    }

    [Fact]
    public void A_sub_criterion_code_outside_its_criterion_is_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "1.5")["code"] = "2.5");

        AssertProblem(problems, "$.criteria[0].items[4].code", "rubric.item-code");
    }

    [Fact]
    public void A_pass_threshold_above_the_total_is_reported()
    {
        var problems = ProblemsAfter(r => r["passThreshold"] = 101);

        AssertProblem(problems, "$.passThreshold", "rubric.range");
    }

    [Fact]
    public void A_rubric_without_years_or_with_a_bad_id_is_reported()
    {
        var problems = ProblemsAfter(r =>
        {
            r["years"] = new JsonArray();
            r["id"] = "Cơ quan 2022";
        });

        AssertProblem(problems, "$.years", "rubric.no-years");
        AssertProblem(problems, "$.id", "rubric.id");
    }

    [Fact]
    public void A_text_indicator_without_a_length_limit_is_reported()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "1.3")["indicators"]![1]!.AsObject().Remove("maxLength"));

        AssertProblem(problems, "$.criteria[0].items[2].indicators[1].maxLength", "rubric.range");
    }

    [Fact]
    public void A_zero_text_limit_is_reported()
    {
        var problems = ProblemsAfter(r => r["textLimits"]!["narrative"] = 0);

        AssertProblem(problems, "$.textLimits.narrative", "rubric.range");
    }

    [Fact]
    public void An_unknown_rule_kind_is_reported_with_its_path()
    {
        var problems = ProblemsAfter(r => DefaultRubric.Item(r, "1.1")["rules"]![0]!["kind"] = "lottery");

        var problem = Assert.Single(problems);
        Assert.Equal("rubric.json", problem.Code);
        Assert.StartsWith("$.criteria[0].items[0].rules[0]", problem.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_problems_are_all_reported_at_once()
    {
        var problems = ProblemsAfter(r =>
        {
            r["passThreshold"] = 0;
            DefaultRubric.Item(r, "1.2")["code"] = "1.1";
            DefaultRubric.Item(r, "3.1")["rules"]![0]!["indicator"] = "nothing";
        });

        Assert.True(problems.Count >= 3);
        AssertProblem(problems, "$.passThreshold", "rubric.range");
        AssertProblem(problems, "$.criteria[0].items[1].code", "rubric.duplicate-code");
        AssertProblem(problems, "$.criteria[2].items[0].rules[0].indicator", "rubric.rule-indicator-unknown");
    }

    [Fact]
    public void A_gate_in_a_penalty_item_is_reported()
    {
        var node = JsonNode.Parse(TrialRubric.Json)!.AsObject();
        DefaultRubric.Item(node, "1.4")["rules"]!.AsArray().Add(JsonNode.Parse("""{ "kind": "zero-tolerance", "indicator": "violations" }"""));

        var problems = RubricLoader.Load(node.ToJsonString()).Validation.Problems;

        AssertProblem(problems, "$.criteria[0].items[3].rules[1].kind", "rubric.penalty-gate");
    }

    [Fact]
    public void Bonus_and_penalty_items_stay_outside_their_criterion_maximum()
    {
        Assert.True(RubricLoader.Load(TrialRubric.Json).IsValid);
    }

    [Fact]
    public void A_proportional_scale_with_zero_at_or_above_full_is_reported()
    {
        var node = JsonNode.Parse(TrialRubric.Json)!.AsObject();
        DefaultRubric.Item(node, "1.1")["rules"]![0]!["zero"] = 100;

        AssertProblem(RubricLoader.Load(node.ToJsonString()).Validation.Problems, "$.criteria[0].items[0].rules[0]", "rubric.proportional-range");
    }

    [Fact]
    public void A_per_unit_rule_without_positive_points_per_unit_is_reported()
    {
        var node = JsonNode.Parse(TrialRubric.Json)!.AsObject();
        DefaultRubric.Item(node, "1.3")["rules"]![0]!["pointsPerUnit"] = 0;

        AssertProblem(RubricLoader.Load(node.ToJsonString()).Validation.Problems, "$.criteria[0].items[2].rules[0].pointsPerUnit", "rubric.rule-points");
    }

    [Fact]
    public void Malformed_json_is_reported_as_one_problem()
    {
        var problem = Assert.Single(RubricLoader.Load("{ \"id\": ").Validation.Problems);

        Assert.Equal("rubric.json", problem.Code);
    }

    [Fact]
    public void A_rubric_without_criteria_is_reported()
    {
        AssertProblem(ProblemsAfter(r => r["criteria"] = new JsonArray()), "$.criteria", "rubric.no-criteria");
    }

    [Fact]
    public void A_criterion_without_sub_criteria_is_reported()
    {
        AssertProblem(ProblemsAfter(r => r["criteria"]![2]!["items"] = new JsonArray()), "$.criteria[2].items", "rubric.no-items");
    }

    [Fact]
    public void A_blank_title_or_requirement_is_reported()
    {
        var problems = ProblemsAfter(r =>
        {
            DefaultRubric.Item(r, "2.2")["requirement"] = " ";
            r["criteria"]![0]!["title"] = "";
        });

        AssertProblem(problems, "$.criteria[1].items[1].requirement", "rubric.required");
        AssertProblem(problems, "$.criteria[0].title", "rubric.required");
    }

    [Fact]
    public void A_threshold_worth_no_points_is_reported()
    {
        AssertProblem(ProblemsAfter(r => DefaultRubric.Item(r, "1.5")["rules"]![0]!["points"] = 0), "$.criteria[0].items[4].rules[0].points", "rubric.rule-points");
    }

    [Fact]
    public void An_expected_answer_on_a_numeric_gate_is_reported()
    {
        AssertProblem(ProblemsAfter(r => DefaultRubric.Item(r, "1.3")["rules"]![0]!["expected"] = false), "$.criteria[0].items[2].rules[0].expected", "rubric.gate-expected");
    }

    [Fact]
    public void An_allowed_level_outside_the_indicator_range_is_reported()
    {
        AssertProblem(ProblemsAfter(r => DefaultRubric.Item(r, "1.3")["rules"]![0]!["allowed"] = -1), "$.criteria[0].items[2].rules[0].allowed", "rubric.bar-range");
    }

    [Fact]
    public void A_share_derived_into_a_count_is_reported()
    {
        AssertProblem(ProblemsAfter(r => DefaultRubric.Item(r, "1.4")["indicators"]![5]!["kind"] = "count"), "$.criteria[0].items[3].indicators[5].derivation", "rubric.derivation");
    }

    [Fact]
    public void A_version_below_one_an_implausible_year_and_a_repeated_staff_category_are_reported()
    {
        var problems = ProblemsAfter(r =>
        {
            r["version"] = 0;
            r["years"] = new JsonArray(1922);
            r["staffCategories"]![1]!["id"] = "officials";
        });

        AssertProblem(problems, "$.version", "rubric.range");
        AssertProblem(problems, "$.years[0]", "rubric.range");
        AssertProblem(problems, "$.staffCategories[1].id", "rubric.duplicate-code");
    }

    [Fact]
    public void A_bonus_item_with_only_gates_is_reported()
    {
        var node = JsonNode.Parse(TrialRubric.Json)!.AsObject();
        DefaultRubric.Item(node, "1.3")["rules"] = JsonNode.Parse("""[{ "kind": "zero-tolerance", "indicator": "provincialInitiatives" }]""");

        AssertProblem(RubricLoader.Load(node.ToJsonString()).Validation.Problems, "$.criteria[0].items[2].rules", "rubric.no-point-rule");
    }

    [Fact]
    public void A_per_unit_rule_on_an_indicator_that_may_be_negative_is_reported()
    {
        var node = JsonNode.Parse(TrialRubric.Json)!.AsObject();
        DefaultRubric.Item(node, "1.3")["indicators"]![0]!["kind"] = "amount";

        AssertProblem(RubricLoader.Load(node.ToJsonString()).Validation.Problems, "$.criteria[0].items[2].rules[0].indicator", "rubric.per-unit-range");
    }
}
