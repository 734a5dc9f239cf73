using CulturalServerless.Application.Access;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Problems;

namespace CulturalServerless.UnitTests.Access;

/// <summary>The scope rules on their own: who reads, writes, moves and submits what, and how lists are narrowed.</summary>
public sealed class AccessRulesTests
{
    private static Caller As(string role, string? jurisdiction = null, params string[] agencyIds) =>
        new("user", "client", new HashSet<string> { role }, new AccessScope(jurisdiction, agencyIds));

    [Theory]
    [InlineData("51", "51", true)]
    [InlineData("51", "51.522", true)]
    [InlineData("51", "51.522.21234", true)]
    [InlineData("51", "510", false)]
    [InlineData("51", "5", false)]
    [InlineData("51.522", "51", false)]
    [InlineData("51.522", "51.523", false)]
    public void A_jurisdiction_scope_covers_itself_and_everything_under_it_only(string scope, string agencyJurisdiction, bool covered)
    {
        Assert.Equal(covered, new AccessScope(scope, []).Covers("any-agency", agencyJurisdiction));
    }

    [Fact]
    public void An_agency_scope_covers_the_listed_agencies_wherever_they_are()
    {
        var scope = new AccessScope(null, ["vp-ubnd-quang-ngai"]);

        Assert.True(scope.Covers("vp-ubnd-quang-ngai", "52.540"));
        Assert.False(scope.Covers("vp-ubnd-binh-dinh", "51"));
        Assert.False(AccessScope.None.Covers("vp-ubnd-quang-ngai", "51"));
    }

    [Fact]
    public void Reading_needs_a_role_and_a_covering_scope_except_for_admins()
    {
        Assert.True(AccessRules.CanRead(As(Roles.Admin), "a", "52"));
        Assert.True(AccessRules.CanRead(As(Roles.Reviewer, "51"), "a", "51.522"));
        Assert.False(AccessRules.CanRead(As(Roles.Reviewer, "51"), "a", "52"));
        Assert.True(AccessRules.CanRead(As(Roles.Submitter, null, "a"), "a", "52"));
        // A scope alone grants nothing without a role that reads.
        Assert.False(AccessRules.CanRead(new Caller("u", "c", new HashSet<string>(), new AccessScope("51", [])), "a", "51"));
    }

    [Theory]
    [InlineData(null, "52.540", false)]
    [InlineData(null, "51", false)]
    [InlineData("51", "51.522", true)]
    [InlineData("51", "52.540", false)]
    public void Creating_an_agency_takes_a_jurisdiction_scope_covering_its_place_not_its_listed_id(string? jurisdiction, string place, bool allowed)
    {
        var portal = As(Roles.Submitter, jurisdiction, "vp-moi");

        Assert.Equal(allowed, AccessRules.CanCreateAgency(portal, place));
        Assert.True(AccessRules.CanCreateAgency(As(Roles.Admin), place));
        Assert.False(AccessRules.CanCreateAgency(As(Roles.Reviewer, "51"), "51.522"));
    }

    [Fact]
    public void A_committees_webhook_is_changed_by_that_committee_or_an_admin_and_read_from_above()
    {
        Assert.True(AccessRules.CanWriteCommitteeWebhook(As(Roles.Reviewer, "51.522"), "51.522"));
        Assert.True(AccessRules.CanWriteCommitteeWebhook(As(Roles.Admin), "51.522"));
        Assert.False(AccessRules.CanWriteCommitteeWebhook(As(Roles.Reviewer, "51"), "51.522"));
        Assert.False(AccessRules.CanWriteCommitteeWebhook(As(Roles.Submitter, "51.522"), "51.522"));
        Assert.True(AccessRules.CanReadCommitteeWebhook(As(Roles.Reviewer, "51"), "51.522"));
        Assert.False(AccessRules.CanReadCommitteeWebhook(As(Roles.Reviewer, "51.522"), "51"));
    }

    [Fact]
    public void Reviewers_never_write_and_admins_never_submit()
    {
        Assert.False(AccessRules.CanWriteAgency(As(Roles.Reviewer, "51"), "a", "51"));
        Assert.True(AccessRules.CanWriteAgency(As(Roles.Submitter, "51"), "a", "51.522"));
        Assert.False(AccessRules.CanWriteAgency(As(Roles.Submitter, "51"), "a", "52"));
        Assert.True(AccessRules.CanWriteAgency(As(Roles.Admin), "a", "52"));

        Assert.False(AccessRules.CanSubmit(As(Roles.Admin), "a", "51"));
        Assert.False(AccessRules.CanSubmit(As(Roles.Reviewer, "51"), "a", "51"));
        Assert.True(AccessRules.CanSubmit(As(Roles.Submitter, "51"), "a", "51.522"));
        Assert.False(AccessRules.CanSubmit(As(Roles.Submitter, "51"), "a", "52"));
    }

    [Fact]
    public void A_draft_is_kept_by_the_agencys_own_submitters_and_admins_never_by_reviewers()
    {
        Assert.True(AccessRules.CanKeepDraft(As(Roles.Admin), "a", "52"));
        Assert.True(AccessRules.CanKeepDraft(As(Roles.Submitter, "51"), "a", "51.522"));
        Assert.True(AccessRules.CanKeepDraft(As(Roles.Submitter, null, "a"), "a", "52"));
        Assert.False(AccessRules.CanKeepDraft(As(Roles.Submitter, "51"), "a", "52"));
        Assert.False(AccessRules.CanKeepDraft(As(Roles.Reviewer, "51"), "a", "51.522"));
    }

    [Fact]
    public void Only_a_jurisdiction_covering_both_places_or_an_admin_moves_an_agency()
    {
        Assert.True(AccessRules.CanMoveAgency(As(Roles.Submitter, "51"), "51.522", "51.523"));
        Assert.False(AccessRules.CanMoveAgency(As(Roles.Submitter, "51"), "51.522", "52"));
        Assert.False(AccessRules.CanMoveAgency(As(Roles.Submitter, null, "a"), "51", "51.522"));
        Assert.True(AccessRules.CanMoveAgency(As(Roles.Submitter, null, "a"), "51", "51"));
        Assert.True(AccessRules.CanMoveAgency(As(Roles.Admin), "51", "52"));
    }

    [Fact]
    public void Admins_list_without_restriction_and_others_within_their_scope()
    {
        Assert.Null(AccessRules.ListScope(As(Roles.Admin), "52"));
        Assert.Equal("51", AccessRules.ListScope(As(Roles.Reviewer, "51"), null)!.Jurisdiction);
        // Broader than the scope: allowed, and the returned scope narrows the query.
        Assert.Equal("51.522", AccessRules.ListScope(As(Roles.Reviewer, "51.522"), "51")!.Jurisdiction);
        Assert.Equal("51", AccessRules.ListScope(As(Roles.Reviewer, "51"), "51.522")!.Jurisdiction);
        // An agency-list scope cannot tell from the code whether it overlaps: the query decides.
        Assert.NotNull(AccessRules.ListScope(As(Roles.Submitter, null, "a"), "52"));
    }

    [Theory]
    [InlineData(Roles.Reviewer, "51", "52")]
    [InlineData(Roles.Reviewer, "51.522", "51.523")]
    [InlineData(Roles.Submitter, "51", "510")]
    public void Listing_a_jurisdiction_that_cannot_overlap_the_scope_is_forbidden(string role, string scope, string requested)
    {
        var problem = Assert.Throws<ApiProblemException>(() => AccessRules.ListScope(As(role, scope), requested));

        Assert.Equal(ProblemType.Forbidden, problem.Type);
    }

    [Fact]
    public void Listing_without_a_role_or_without_a_scope_is_forbidden()
    {
        var noRole = new Caller("u", "c", new HashSet<string>(), new AccessScope("51", []));

        Assert.Equal(403, Assert.Throws<ApiProblemException>(() => AccessRules.ListScope(noRole, null)).Type.Status);
        Assert.Equal(403, Assert.Throws<ApiProblemException>(() => AccessRules.ListScope(As(Roles.Reviewer), null)).Type.Status);
    }

    [Fact]
    public void The_callers_actor_is_its_subject_and_client()
    {
        Assert.Equal(new Actor("user", "client"), As(Roles.Submitter, "51").Actor);
    }
}
