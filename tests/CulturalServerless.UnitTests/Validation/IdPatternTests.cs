using CulturalServerless.Agencies;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Jurisdictions;

namespace CulturalServerless.UnitTests.Validation;

/// <summary>
/// Ids and codes are matched whole: a trailing line feed (which <c>$</c> lets through) or any other
/// character after the last allowed one makes them invalid.
/// </summary>
public sealed class IdPatternTests
{
    [Theory]
    [InlineData("vp-ubnd-quang-ngai", true)]
    [InlineData("vp-ubnd-quang-ngai\n", false)]
    [InlineData("vp-ubnd-quang-ngai\r\n", false)]
    [InlineData("\nvp-ubnd-quang-ngai", false)]
    public void An_agency_id_with_a_trailing_line_feed_is_invalid(string id, bool valid) =>
        Assert.Equal(valid, AgencyId.IsValid(id));

    [Theory]
    [InlineData("51.522", true)]
    [InlineData("51.522\n", false)]
    [InlineData("51\n", false)]
    public void A_jurisdiction_code_with_a_trailing_line_feed_is_invalid(string code, bool valid) =>
        Assert.Equal(valid, JurisdictionCode.IsValid(code));

    [Theory]
    [InlineData("11111111-aaaa-bbbb-cccc-000000000001", true)]
    [InlineData("dev-submitter-51", true)]
    [InlineData("dev-submitter-51\n", false)]
    public void A_client_id_with_a_trailing_line_feed_is_invalid(string clientId, bool valid) =>
        Assert.Equal(valid, ApiClientService.IsValidClientId(clientId));

    [Fact]
    public void A_symbol_or_email_with_a_trailing_line_feed_is_a_problem_at_its_path()
    {
        var registration = Registration() with
        {
            Symbol = "VP\n",
            Contact = new AgencyContact(Email: "vanphong@quangngai.gov.vn\n"),
        };

        var result = AgencyValidator.Validate("vp-ubnd-quang-ngai", registration);

        Assert.Equal(["$.contact.email", "$.symbol"], result.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Staff_counts_whose_sum_overflows_are_a_problem_not_a_wrapped_total()
    {
        // 3 × 1,431,655,766 wraps to 2 in 32 bits: unchecked, it would "match" a total of 2.
        var registration = Registration() with
        {
            Staff = new AgencyStaff(Total: 2, Officials: 1_431_655_766, ContractWorkers: 1_431_655_766, PublicEmployees: 1_431_655_766),
        };

        var result = AgencyValidator.Validate("vp-ubnd-quang-ngai", registration);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("$.staff.total", "staff-total-overflow"), (problem.Path, problem.Code));
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        Assert.False(string.IsNullOrWhiteSpace(problem.MessageEn));
    }

    private static AgencyRegistration Registration() => new()
    {
        Name = "Văn phòng UBND tỉnh Quảng Ngãi",
        ParentBody = "UBND TỈNH QUẢNG NGÃI",
        Symbol = "VP",
        Jurisdiction = "51.522",
        PlaceName = "Quảng Ngãi",
        Signer = new AgencySigner("CHÁNH VĂN PHÒNG", "Vũ Minh Tâm"),
    };
}
