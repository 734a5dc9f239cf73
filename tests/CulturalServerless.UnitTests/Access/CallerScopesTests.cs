using CulturalServerless.Application.Access;
using CulturalServerless.Application.Assessments;

namespace CulturalServerless.UnitTests.Access;

/// <summary>From token claims and the registry entry to roles and scope: least privilege.</summary>
public sealed class CallerScopesTests
{
    private static ApiClient Entry(string[] roles, string? jurisdiction = null, params string[] agencyIds) => new()
    {
        Id = ApiClient.DocumentId("portal"),
        ClientId = "portal",
        Name = "Cổng tỉnh",
        Roles = roles,
        Jurisdiction = jurisdiction,
        AgencyIds = agencyIds,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        UpdatedBy = Actor.System,
    };

    [Fact]
    public void Roles_are_those_both_the_token_and_the_registry_grant()
    {
        var caller = CallerScopes.Resolve("sub", "portal", [Roles.Submitter, Roles.Reviewer], Entry([Roles.Submitter, Roles.Admin], "51"));

        Assert.Equal([Roles.Submitter], caller.Roles);
        Assert.Equal(new AccessScope("51", []).Jurisdiction, caller.Scope.Jurisdiction);
    }

    [Fact]
    public void The_scope_comes_from_the_registry_only()
    {
        var caller = CallerScopes.Resolve("sub", "portal", [Roles.Submitter], Entry([Roles.Submitter], null, "vp-a", "vp-b"));

        Assert.Null(caller.Scope.Jurisdiction);
        Assert.Equal(["vp-a", "vp-b"], caller.Scope.AgencyIds);
    }

    [Fact]
    public void Without_a_registry_entry_no_role_counts_not_even_admin()
    {
        var submitter = CallerScopes.Resolve("sub", "unknown", [Roles.Submitter, Roles.Reviewer], null);
        var admin = CallerScopes.Resolve("sub", "unknown", [Roles.Admin, Roles.Submitter], null);
        var noClient = CallerScopes.Resolve("sub", null, [Roles.Reviewer], null);

        Assert.Empty(submitter.Roles);
        Assert.True(submitter.Scope.IsEmpty);
        Assert.Empty(admin.Roles);
        Assert.False(admin.IsAdmin);
        Assert.Empty(noClient.Roles);
    }

    [Fact]
    public void An_admin_entry_confirms_the_tokens_admin_role()
    {
        var caller = CallerScopes.Resolve("sub", "portal", [Roles.Admin], Entry([Roles.Admin]));

        Assert.True(caller.IsAdmin);
        Assert.True(caller.Scope.IsEmpty);
    }

    [Fact]
    public void A_registry_entry_without_admin_takes_the_tokens_admin_role_away()
    {
        var caller = CallerScopes.Resolve("sub", "portal", [Roles.Admin], Entry([Roles.Submitter], "51"));

        Assert.Empty(caller.Roles);
    }

    [Fact]
    public void Unknown_role_names_in_the_token_are_ignored()
    {
        var caller = CallerScopes.Resolve("sub", "portal", ["Admin", "superuser", Roles.Reviewer], Entry([Roles.Reviewer, Roles.Admin], "51"));

        Assert.Equal([Roles.Reviewer], caller.Roles);
    }
}
