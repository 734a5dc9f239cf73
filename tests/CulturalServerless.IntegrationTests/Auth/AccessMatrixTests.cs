using static CulturalServerless.IntegrationTests.Auth.TwoProvinces;

namespace CulturalServerless.IntegrationTests.Auth;

/// <summary>
/// Role × endpoint × in/out of scope, through the function classes' real HTTP handling: every
/// single-resource endpoint for every kind of caller, on an agency the caller's scope covers and on
/// one it does not. Out of scope reads as missing (404); a role that may never do it gets 403.
/// </summary>
public sealed class AccessMatrixTests(TwoProvinces world) : IClassFixture<TwoProvinces>
{
    public static TheoryData<string, string, string, int> Cases()
    {
        var data = new TheoryData<string, string, string, int>();
        void Row(string caller, string agency, int getAgency, int putAgency, int submit, int getAssessment)
        {
            data.Add(caller, "GET agency", agency, getAgency);
            data.Add(caller, "PUT agency", agency, putAgency);
            data.Add(caller, "POST assessment", agency, submit);
            data.Add(caller, "GET assessment", agency, getAssessment);
            data.Add(caller, "GET assessment version", agency, getAssessment);
        }

        // Admins keep the registry and read everything, but do not submit for an agency.
        Row("admin", QuangNgaiOffice, 200, 200, 403, 200);
        Row("admin", BinhDinhOffice, 200, 200, 403, 200);
        // A province's portal: its province and everything under it.
        Row("portal-51", QuangNgaiOffice, 200, 200, 201, 200);
        Row("portal-51", QuangNgaiCityOffice, 200, 200, 201, 200);
        Row("portal-51", BinhDinhOffice, 404, 403, 404, 404);
        Row("portal-52", BinhDinhOffice, 200, 200, 201, 200);
        Row("portal-52", QuangNgaiOffice, 404, 403, 404, 404);
        // A submitter for one listed agency: not its neighbours in the same province.
        Row("desk-of-office", QuangNgaiOffice, 200, 200, 201, 200);
        Row("desk-of-office", QuangNgaiCityOffice, 404, 403, 404, 404);
        // Committees read and review inside their jurisdiction, never write or submit.
        Row("reviewer-51", QuangNgaiCityOffice, 200, 403, 403, 200);
        Row("reviewer-51", BinhDinhOffice, 404, 403, 403, 404);
        Row("reviewer-51.522", QuangNgaiCityOffice, 200, 403, 403, 200);
        Row("reviewer-51.522", QuangNgaiOffice, 404, 403, 403, 404);
        Row("reviewer-52", BinhDinhOffice, 200, 403, 403, 200);
        // Roles only count when the registry of API clients confirms them.
        Row("unregistered-submitter", QuangNgaiOffice, 403, 403, 403, 403);
        // Admin too: a token's admin role without the client's registry entry is no role at all.
        Row("unregistered-admin", QuangNgaiOffice, 403, 403, 403, 403);
        Row("token-roles-not-in-registry", QuangNgaiOffice, 403, 403, 403, 403);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Caller_gets_the_expected_status(string caller, string endpoint, string agencyId, int expected)
    {
        var token = Token(caller);
        var response = endpoint switch
        {
            "GET agency" => await world.GetAgencyAsync(token, agencyId),
            // The agency's own registration sent again: only who may write it changes anything.
            "PUT agency" => await world.PutAgencyAsync(token, agencyId, AgencyBody(agencyId, AgencyJurisdictions[agencyId])),
            "POST assessment" => await world.SubmitAsync(token, agencyId),
            "GET assessment" => await world.GetAssessmentAsync(token, agencyId),
            "GET assessment version" => await world.GetVersionAsync(token, agencyId),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
        };

        Assert.Equal(expected, response.Status);
        if (expected >= 400)
        {
            var type = expected switch { 403 => "/problems/forbidden", 404 => "/problems/not-found", _ => null };
            Assert.Equal(type, (string?)response.Json["type"]);
            // A refusal shows nothing of the resource: no name, no jurisdiction, no figures.
            Assert.DoesNotContain("Văn phòng", response.Body!.ToJsonString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(agencyId, (string?)(response.Json["agencyId"] ?? response.Json["id"]));
        }
    }

    [Theory]
    [InlineData("portal-51", "51.600", 201)]
    [InlineData("portal-51", "52.540", 403)]
    [InlineData("desk-of-office", "51", 403)]
    [InlineData("reviewer-51", "51.600", 403)]
    [InlineData("admin", "52.999", 201)]
    public async Task A_new_agency_is_registered_only_inside_the_submitters_scope(string caller, string jurisdiction, int expected)
    {
        var id = "moi-" + Guid.NewGuid().ToString("N")[..10];

        var response = await world.PutAgencyAsync(Token(caller), id, AgencyBody(id, jurisdiction));

        Assert.Equal(expected, response.Status);
        Assert.Equal(expected == 201 ? 200 : 404, (await world.GetAgencyAsync(TestTokens.Admin, id)).Status);
    }

    [Theory]
    [InlineData("desk-of-new-office", "52.540")]
    [InlineData("desk-of-new-office", "51")]
    [InlineData("portal-51-listing-new-office", "52.540")]
    public async Task A_portal_that_lists_an_agency_cannot_create_it_outside_its_jurisdiction(string caller, string jurisdiction)
    {
        var response = await world.PutAgencyAsync(Token(caller), NewOffice, AgencyBody(NewOffice, jurisdiction));

        Assert.Equal(403, response.Status);
        Assert.Equal("/problems/forbidden", (string?)response.Json["type"]);
        Assert.Equal(404, (await world.GetAgencyAsync(TestTokens.Admin, NewOffice)).Status);
    }

    [Fact]
    public async Task A_submitter_cannot_take_over_another_provinces_agency_by_moving_it_into_its_scope()
    {
        var response = await world.PutAgencyAsync(Token("portal-51"), BinhDinhOffice, AgencyBody(BinhDinhOffice, "51.600"));

        Assert.Equal(403, response.Status);
        Assert.Equal("/problems/forbidden", (string?)response.Json["type"]);
        Assert.Equal("52.540", (string?)(await world.GetAgencyAsync(TestTokens.Admin, BinhDinhOffice)).Json["jurisdiction"]);
    }

    [Fact]
    public async Task A_submitter_cannot_move_its_own_agency_out_of_its_scope()
    {
        var response = await world.PutAgencyAsync(Token("desk-of-office"), QuangNgaiOffice, AgencyBody(QuangNgaiOffice, "52"));

        Assert.Equal(403, response.Status);
        Assert.Equal("51", (string?)(await world.GetAgencyAsync(TestTokens.Admin, QuangNgaiOffice)).Json["jurisdiction"]);
    }

    [Theory]
    [InlineData("portal-51")]
    [InlineData("reviewer-51")]
    [InlineData("unregistered-submitter")]
    [InlineData("unregistered-admin")]
    [InlineData("token-roles-not-in-registry")]
    public async Task Only_admins_use_the_registry_of_api_clients(string caller)
    {
        var token = Token(caller);

        Assert.Equal(403, (await world.PutClientAsync(token, "portal-new", Entry(["submitter"], "51"))).Status);
        Assert.Equal(403, (await world.GetClientAsync(token, Callers["portal-51"].ClientId)).Status);
        Assert.Equal(403, (await world.ListClientsAsync(token)).Status);
    }

    [Fact]
    public async Task Admins_read_the_registry_entries()
    {
        var entry = await world.GetClientAsync(TestTokens.Admin, Callers["portal-52"].ClientId);
        var list = await world.ListClientsAsync(TestTokens.Admin);

        Assert.Equal(200, entry.Status);
        Assert.Equal("52", (string?)entry.Json["jurisdiction"]);
        Assert.Equal(["submitter"], entry.Json["roles"]!.AsArray().Select(r => (string?)r));
        Assert.Equal(404, (await world.GetClientAsync(TestTokens.Admin, "portal-unknown")).Status);
        var listed = list.Json["items"]!.AsArray().Select(i => (string?)i!["clientId"]).ToList();
        var registered = Callers.Values.Where(c => c.Registry is not null).Select(c => c.ClientId).Append(TestTokens.AdminClientId);
        Assert.Equal(registered.Order(StringComparer.Ordinal), listed);
    }
}
