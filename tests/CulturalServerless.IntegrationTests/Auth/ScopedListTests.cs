using CulturalServerless.Jurisdictions;
using static CulturalServerless.IntegrationTests.Auth.TwoProvinces;

namespace CulturalServerless.IntegrationTests.Auth;

/// <summary>
/// Lists with two provinces' data mixed in one container: narrowed in the query to the caller's
/// scope, so no page carries anything outside it, whatever the caller asks for.
/// </summary>
public sealed class ScopedListTests(TwoProvinces world) : IClassFixture<TwoProvinces>
{
    private static readonly string[] All = [BinhDinhOffice, QuangNgaiCityOffice, QuangNgaiOffice];

    public static TheoryData<string, string, string[]> Visible() => new()
    {
        { "admin", "", All },
        { "admin", "jurisdiction=52", [BinhDinhOffice] },
        { "portal-51", "", [QuangNgaiCityOffice, QuangNgaiOffice] },
        { "portal-51", "jurisdiction=51.522", [QuangNgaiCityOffice] },
        { "portal-52", "", [BinhDinhOffice] },
        { "desk-of-office", "", [QuangNgaiOffice] },
        // A scope by agency list cannot tell from the code alone whether it overlaps: the query answers (nothing).
        { "desk-of-office", "jurisdiction=52", [] },
        { "reviewer-51", "", [QuangNgaiCityOffice, QuangNgaiOffice] },
        // Asking for more than the scope is narrowed to the scope.
        { "reviewer-51.522", "jurisdiction=51", [QuangNgaiCityOffice] },
        { "reviewer-51.522", "", [QuangNgaiCityOffice] },
        { "reviewer-52", "jurisdiction=52.540", [BinhDinhOffice] },
    };

    [Theory]
    [MemberData(nameof(Visible))]
    public async Task Agencies_list_holds_exactly_what_the_scope_covers(string caller, string query, string[] expected)
    {
        var response = await world.ListAgenciesAsync(Token(caller), query);

        Assert.Equal(200, response.Status);
        Assert.Equal(expected, response.Json["items"]!.AsArray().Select(a => (string)a!["id"]!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Visible))]
    public async Task Assessments_list_holds_exactly_what_the_scope_covers(string caller, string query, string[] expected)
    {
        var response = await world.ListAssessmentsAsync(Token(caller), "year=2022" + (query.Length > 0 ? "&" + query : ""));

        Assert.Equal(200, response.Status);
        Assert.Equal(expected, response.Json["items"]!.AsArray().Select(a => (string)a!["agencyId"]!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("portal-51", "jurisdiction=52")]
    [InlineData("reviewer-51.522", "jurisdiction=51.600")]
    [InlineData("reviewer-52", "jurisdiction=51")]
    public async Task Asking_for_a_jurisdiction_outside_the_scope_is_403(string caller, string query)
    {
        var agencies = await world.ListAgenciesAsync(Token(caller), query);
        var assessments = await world.ListAssessmentsAsync(Token(caller), "year=2022&" + query);

        Assert.Equal((403, "/problems/forbidden"), (agencies.Status, (string?)agencies.Json["type"]));
        Assert.Equal((403, "/problems/forbidden"), (assessments.Status, (string?)assessments.Json["type"]));
    }

    [Theory]
    [InlineData("unregistered-submitter")]
    [InlineData("token-roles-not-in-registry")]
    public async Task A_caller_without_confirmed_roles_lists_nothing(string caller)
    {
        Assert.Equal(403, (await world.ListAgenciesAsync(Token(caller))).Status);
        Assert.Equal(403, (await world.ListAssessmentsAsync(Token(caller))).Status);
    }

    [Fact]
    public async Task Paging_through_a_scoped_list_never_leaves_the_scope()
    {
        var seen = new List<string>();
        string? continuation = null;
        do
        {
            var page = await world.ListAssessmentsAsync(Token("reviewer-51"),
                "year=2022&pageSize=1" + (continuation is null ? "" : "&continuationToken=" + Uri.EscapeDataString(continuation)));
            Assert.Equal(200, page.Status);
            foreach (var item in page.Json["items"]!.AsArray())
            {
                Assert.True(JurisdictionCode.IsWithin((string)item!["jurisdiction"]!, "51"));
                seen.Add((string)item["agencyId"]!);
            }
            continuation = (string?)page.Json["continuationToken"];
        }
        while (continuation is not null);

        Assert.Equal([QuangNgaiCityOffice, QuangNgaiOffice], seen.Order(StringComparer.Ordinal));
    }
}
