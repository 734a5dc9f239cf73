using CulturalServerless.Jurisdictions;

namespace CulturalServerless.UnitTests.Jurisdictions;

public sealed class UnitCatalogueTests
{
    private static readonly UnitCatalogue Catalogue = ShippedUnits.Catalogue();
    private static readonly DateOnly Today = new(2026, 1, 1);
    private static readonly DateOnly Before = new(2022, 11, 15);

    [Fact]
    public void Since_1_July_2025_there_are_34_provinces_with_their_new_codes()
    {
        var provinces = Catalogue.List(Today, UnitLevel.Province);

        Assert.Equal(34, provinces.Count);
        Assert.Equal("Quảng Ngãi", provinces.Single(p => p.Code == "51").Name);
        Assert.Equal("Huế", provinces.Single(p => p.Code == "46").Name);
        Assert.Equal("Gia Lai", provinces.Single(p => p.Code == "52").Name);
        Assert.Equal("Hồ Chí Minh", provinces.Single(p => p.Code == "79").Name);
        Assert.Equal("An Giang", provinces.Single(p => p.Code == "91").Name);
        Assert.DoesNotContain(provinces, p => p.Code is "62" or "64" or "89");
    }

    [Fact]
    public void Before_it_there_were_63_and_52_was_Binh_Dinh()
    {
        var provinces = Catalogue.List(Before, UnitLevel.Province);

        Assert.Equal(63, provinces.Count);
        Assert.Equal("Bình Định", provinces.Single(p => p.Code == "52").Name);
        Assert.Equal("Kon Tum", provinces.Single(p => p.Code == "62").Name);
        Assert.Equal("Gia Lai", provinces.Single(p => p.Code == "64").Name);
        Assert.Equal("Thừa Thiên Huế", provinces.Single(p => p.Code == "46").Name);
    }

    [Fact]
    public void The_last_day_before_and_the_first_day_after_the_merger_each_have_their_own_set()
    {
        Assert.Equal(63, Catalogue.List(new DateOnly(2025, 6, 30), UnitLevel.Province).Count);
        Assert.Equal(34, Catalogue.List(new DateOnly(2025, 7, 1), UnitLevel.Province).Count);
    }

    [Fact]
    public void Every_former_province_has_a_successor_valid_on_the_merger_day_and_every_new_one_predecessors()
    {
        var ended = Catalogue.List(new DateOnly(2025, 6, 30), UnitLevel.Province).Where(p => p.ValidTo is not null).ToList();
        Assert.Equal(53, ended.Count); // 52 merged into 23, and Thừa Thiên Huế renamed Huế
        foreach (var unit in ended)
        {
            var succession = Assert.Single(Catalogue.SuccessionsFrom(unit));
            Assert.NotNull(Catalogue.Find(succession.To, succession.On));
        }
        foreach (var unit in Catalogue.List(Today, UnitLevel.Province).Where(p => p.ValidFrom is not null))
        {
            Assert.NotEmpty(Catalogue.SuccessionsInto(unit));
        }
        Assert.Equal(["49", "48"], Catalogue.SuccessionsInto(Catalogue.Find("48", Today)!).Select(s => s.From).OrderDescending());
        Assert.Equal(["52", "64"], Catalogue.SuccessionsInto(Catalogue.Find("52", Today)!).Select(s => s.From).Order());
    }

    [Fact]
    public void Kon_Tum_today_is_refused_naming_Quang_Ngai_and_the_date()
    {
        var check = Catalogue.Check("62", new DateOnly(2026, 12, 1));

        Assert.False(check.IsValid);
        Assert.Equal("unit-merged", check.Code);
        Assert.Equal("62 (Kon Tum) đã hợp nhất vào 51 (Quảng Ngãi) từ 01/7/2025.", check.Message);
        Assert.Equal("62 (Kon Tum) was merged into 51 (Quảng Ngãi) on 1 July 2025.", check.MessageEn);
        Assert.Equal("51", check.Successor?.Code);
    }

    [Fact]
    public void A_district_of_a_merged_province_is_refused_at_its_province_and_an_unknown_province_too()
    {
        Assert.Equal("unit-merged", Catalogue.Check("62.610", Today).Code);
        Assert.True(Catalogue.Check("62.610", Before).IsValid);
        Assert.True(Catalogue.Check("51.522", Before).IsValid); // districts not imported: taken on trust
        Assert.Equal("unknown-province", Catalogue.Check("99", Today).Code);
    }

    [Fact]
    public void A_code_used_again_for_another_province_resolves_by_date()
    {
        Assert.Equal("Bình Định", Catalogue.Find("52", Before)?.Name);
        Assert.Equal("Gia Lai", Catalogue.Find("52", Today)?.Name);
        Assert.Equal("51", Catalogue.CurrentSuccessor("62", Today)?.Code);
        Assert.Equal("52", Catalogue.CurrentSuccessor("64", Today)?.Code);
        Assert.Equal("01", Catalogue.CurrentSuccessor("01", Today)?.Code);
    }

    [Fact]
    public void The_current_path_replaces_an_ended_unit_by_its_successor_or_drops_it_when_none_carries_it_on()
    {
        var city = new AdministrativeUnit { Code = "51.522", Name = "Thành phố Quảng Ngãi", Level = UnitLevel.District, Parent = "51", ValidTo = new DateOnly(2025, 6, 30) };
        var catalogue = new UnitCatalogue(ShippedUnits.Provinces.Append(city), ShippedUnits.Successions);

        Assert.Equal("51.23302", catalogue.CurrentPath("62.23302", Today));
        Assert.Equal("52", catalogue.CurrentPath("64", Today));
        Assert.Equal("52", catalogue.CurrentPath("52", Today));
        Assert.Equal("51", catalogue.CurrentPath("51.522.21001", Today));
        Assert.Equal("51.522.21001", catalogue.CurrentPath("51.522.21001", Before));
        Assert.Equal("62", catalogue.CurrentPath("62", Before));
        Assert.Equal("99.1", catalogue.CurrentPath("99.1", Today));
    }

    [Fact]
    public void Every_shipped_entry_names_a_known_source()
    {
        Assert.All(ShippedUnits.Provinces, u => Assert.Contains(u.Source!, ShippedUnits.Sources.Keys));
        Assert.All(ShippedUnits.Successions, s => Assert.Contains(s.Source!, ShippedUnits.Sources.Keys));
    }
}
