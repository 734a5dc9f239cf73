using CulturalServerless.Application.Decisions;
using CulturalServerless.Application.Procedures;

namespace CulturalServerless.UnitTests.Decisions;

/// <summary>The periods of recognition: first after 2 consecutive years that met the standard, re-recognition every 5 years after.</summary>
public sealed class RecognitionEligibilityTests
{
    private static IReadOnlySet<int> Years(params int[] years) => years.ToHashSet();

    [Fact]
    public void Two_consecutive_years_met_make_a_first_recognition_of_both()
    {
        var verdict = RecognitionEligibility.For(2024, Years(2023, 2024), [], 2, 5);

        Assert.True(verdict.Eligible);
        Assert.Equal(RecognitionKind.First, verdict.Kind);
        Assert.Equal((2023, 2024), (verdict.FromYear, verdict.ToYear));
    }

    [Fact]
    public void A_year_that_did_not_meet_the_standard_is_named_as_missing()
    {
        var verdict = RecognitionEligibility.For(2024, Years(2023), [], 2, 5);

        Assert.False(verdict.Eligible);
        Assert.Equal([2024], verdict.MissingYears);
        Assert.Contains("2024", verdict.Reasons.Single());
    }

    [Fact]
    public void Once_recognised_the_next_is_a_re_recognition_of_the_five_years_after_the_period()
    {
        PriorRecognition[] prior = [new(RecognitionKind.First, 2023, 2024, "qd-1")];

        var early = RecognitionEligibility.For(2026, Years(2023, 2024, 2025, 2026), prior, 2, 5);
        var due = RecognitionEligibility.For(2029, Years(2025, 2026, 2027, 2028, 2029), prior, 2, 5);

        Assert.False(early.Eligible);
        Assert.Contains(early.Reasons, r => r.Contains("2029", StringComparison.Ordinal));
        Assert.True(due.Eligible);
        Assert.Equal(RecognitionKind.ReRecognition, due.Kind);
        Assert.Equal((2025, 2029), (due.FromYear, due.ToYear));
    }

    [Fact]
    public void The_next_recognition_skips_periods_holding_a_failed_or_lost_year()
    {
        var afterFailure = RecognitionEligibility.Next(2025, Years(2022, 2024), Years(2023), [], 2, 5);
        var nothingYet = RecognitionEligibility.Next(2025, Years(), Years(), [], 2, 5);
        var recognised = RecognitionEligibility.Next(2025, Years(2023, 2024), Years(), [new(RecognitionKind.First, 2023, 2024, "qd-1")], 2, 5);

        Assert.Equal((2024, 2025), (afterFailure.FromYear, afterFailure.ToYear));
        Assert.False(afterFailure.Eligible);
        Assert.Equal([2025], afterFailure.MissingYears);
        Assert.Equal((2025, 2026), (nothingYet.FromYear, nothingYet.ToYear));
        Assert.Equal((RecognitionKind.ReRecognition, 2029), (recognised.Kind, recognised.ToYear));
    }
}
