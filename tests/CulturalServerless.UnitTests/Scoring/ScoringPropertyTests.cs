namespace CulturalServerless.UnitTests.Scoring;

/// <summary>Properties every score must have, checked over many random valid submissions (fixed seeds).</summary>
public sealed class ScoringPropertyTests
{
    private const int Runs = 2_000;

    public static TheoryData<string> Rubrics() => new() { DefaultRubric.Id, "thu-nghiem-2024" };

    private static Rubric RubricFor(string id) => id == DefaultRubric.Id ? DefaultRubric.Rubric : TrialRubric.Rubric;

    private static IEnumerable<(AssessmentSubmission Submission, ScoreResult Score)> Scored(Rubric rubric, int seed)
    {
        var generator = new RandomSubmissions(rubric, seed);
        for (var run = 0; run < Runs; run++)
        {
            var submission = generator.Next();
            var validation = SubmissionValidator.Validate(rubric, submission);
            Assert.True(validation.IsValid, $"Run {run}: {string.Join("; ", validation.Problems.Select(p => $"{p.Path} {p.MessageEn}"))}");
            yield return (submission, ScoringEngine.Score(rubric, submission));
        }
    }

    [Theory]
    [MemberData(nameof(Rubrics))]
    public void Every_item_scores_within_zero_and_its_maximum(string rubricId)
    {
        foreach (var (_, score) in Scored(RubricFor(rubricId), seed: 20_221_111))
        {
            Assert.All(score.SubCriteria, s => Assert.InRange(s.Points, 0m, s.MaxPoints));
        }
    }

    [Theory]
    [MemberData(nameof(Rubrics))]
    public void The_total_is_the_sum_of_the_criteria_and_each_criterion_the_signed_sum_of_its_items(string rubricId)
    {
        foreach (var (_, score) in Scored(RubricFor(rubricId), seed: 1_979))
        {
            foreach (var criterion in score.Criteria)
            {
                var signed = score.SubCriteria.Where(s => s.CriterionCode == criterion.Code)
                    .Sum(s => s.Kind == ItemKind.Penalty ? -s.Points : s.Points);
                Assert.Equal(Math.Max(0m, signed), criterion.Points);
            }
            Assert.Equal(score.Criteria.Sum(c => c.Points), score.Total);
        }
    }

    [Theory]
    [MemberData(nameof(Rubrics))]
    public void The_verdict_is_passed_exactly_when_the_total_reaches_the_mark_and_nothing_knocks_out(string rubricId)
    {
        var verdicts = new HashSet<Verdict>();
        foreach (var (_, score) in Scored(RubricFor(rubricId), seed: 85))
        {
            var expected = score.Total >= score.PassThreshold && score.KnockOuts.Count == 0 ? Verdict.Passed : Verdict.Failed;
            Assert.Equal(expected, score.Verdict);
            Assert.Equal(score.KnockOuts.Count, score.Reasons.Count(r => r.Code == VerdictReason.KnockOut));
            verdicts.Add(score.Verdict);
        }
        // The generator must exercise both outcomes, or this property says nothing.
        Assert.Equal(2, verdicts.Count);
    }

    [Fact]
    public void Every_self_score_difference_is_listed_and_no_other()
    {
        foreach (var (submission, score) in Scored(DefaultRubric.Rubric, seed: 98))
        {
            var expected = score.SubCriteria.Count(s => s.SelfScore is { } self && self != s.Points)
                + (submission.SelfTotal is { } total && total != score.Total ? 1 : 0);
            Assert.Equal(expected, score.Discrepancies.Count);
            Assert.All(score.Discrepancies, d => Assert.Equal(d.SelfScore - d.ComputedScore, d.Difference));
        }
    }

    [Fact]
    public void Scoring_is_deterministic_and_leaves_the_submission_unchanged()
    {
        foreach (var (submission, score) in Scored(DefaultRubric.Rubric, seed: 2_022).Take(200))
        {
            var before = JsonSerializer.Serialize(submission, JsonDefaults.Options);
            var again = ScoringEngine.Score(DefaultRubric.Rubric, submission);

            Assert.Equal(JsonSerializer.Serialize(score, JsonDefaults.Options), JsonSerializer.Serialize(again, JsonDefaults.Options));
            Assert.Equal(before, JsonSerializer.Serialize(submission, JsonDefaults.Options));
        }
    }
}
