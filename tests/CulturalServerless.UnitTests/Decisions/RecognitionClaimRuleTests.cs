using CulturalServerless.Application.Decisions;

namespace CulturalServerless.UnitTests.Decisions;

/// <summary>What an attempt to issue a decision may do with the claim it finds on an agency.</summary>
public sealed class RecognitionClaimRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 5, 0, 0, TimeSpan.Zero);

    private static RecognitionClaim HeldBy(string decisionId, TimeSpan age) => new("vp-ubnd-quang-ngai", decisionId, Now - age);

    [Fact]
    public void A_claim_of_the_same_decision_left_by_a_crashed_attempt_is_its_own_whatever_its_age()
    {
        Assert.Equal(ClaimStanding.Own, RecognitionClaimRule.Judge(HeldBy("qd-a", TimeSpan.FromSeconds(1)), "qd-a", holderIssued: false, Now));
        Assert.Equal(ClaimStanding.Own, RecognitionClaimRule.Judge(HeldBy("qd-a", TimeSpan.FromHours(1)), "qd-a", holderIssued: false, Now));
    }

    [Fact]
    public void A_fresh_claim_of_another_decision_not_yet_stored_is_busy()
    {
        Assert.Equal(ClaimStanding.Busy, RecognitionClaimRule.Judge(HeldBy("qd-a", TimeSpan.Zero), "qd-b", holderIssued: false, Now));
        Assert.Equal(ClaimStanding.Busy, RecognitionClaimRule.Judge(HeldBy("qd-a", RecognitionClaimRule.Lease - TimeSpan.FromSeconds(1)), "qd-b", holderIssued: false, Now));
    }

    [Fact]
    public void A_claim_whose_decision_is_stored_is_taken_over_at_once()
    {
        Assert.Equal(ClaimStanding.HolderIssued, RecognitionClaimRule.Judge(HeldBy("qd-a", TimeSpan.Zero), "qd-b", holderIssued: true, Now));
    }

    [Fact]
    public void A_claim_as_old_as_the_lease_was_left_by_a_dead_attempt_and_is_taken_over()
    {
        Assert.Equal(ClaimStanding.Stale, RecognitionClaimRule.Judge(HeldBy("qd-a", RecognitionClaimRule.Lease), "qd-b", holderIssued: false, Now));
    }

    [Fact]
    public void The_lease_outlives_the_longest_request_deadline()
    {
        Assert.True(RecognitionClaimRule.Lease > CulturalServerless.Functions.Http.RequestDeadlineOptions.MaximumDeadline + TimeSpan.FromSeconds(1));
    }
}
