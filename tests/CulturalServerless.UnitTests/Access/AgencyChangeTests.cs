using CulturalServerless.Application.Agencies;

namespace CulturalServerless.UnitTests.Access;

/// <summary>What an agency's history says a write changed.</summary>
public sealed class AgencyChangeTests
{
    private static readonly Agency Seed = new()
    {
        Id = "vp-ubnd-quang-ngai",
        Name = "Văn phòng UBND tỉnh Quảng Ngãi",
        ParentBody = "UBND TỈNH QUẢNG NGÃI",
        Symbol = "VP",
        Jurisdiction = "51",
        PlaceName = "Quảng Ngãi",
        Signer = new AgencySigner("CHÁNH VĂN PHÒNG", "Vũ Minh Tâm"),
    };

    [Fact]
    public void An_update_lists_only_the_fields_whose_values_differ()
    {
        var after = Seed with { Jurisdiction = "51.522", Signer = new AgencySigner("CHÁNH VĂN PHÒNG", "Nguyễn Văn A"), UpdatedAt = DateTimeOffset.UtcNow };

        Assert.Equal(["jurisdiction", "signer"], AgencyService.ChangedFields(Seed, after));
        Assert.Empty(AgencyService.ChangedFields(Seed, Seed with { Signer = new AgencySigner("CHÁNH VĂN PHÒNG", "Vũ Minh Tâm") }));
    }

    [Fact]
    public void A_registration_lists_every_field_given()
    {
        Assert.Equal(["name", "parentBody", "symbol", "jurisdiction", "placeName", "signer"], AgencyService.ChangedFields(null, Seed));
    }
}
