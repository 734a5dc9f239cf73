using CulturalServerless.Jurisdictions;

namespace CulturalServerless.UnitTests.Jurisdictions;

public sealed class UnitCsvTests
{
    private const string Header = "code,name,level,parent,valid from,valid to\n";

    [Fact]
    public void The_sample_communes_of_Quang_Ngai_are_read_with_their_paths_and_periods()
    {
        var csv = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "communes-quang-ngai.csv"));

        var result = UnitCsv.Parse(csv, ShippedUnits.Catalogue());

        Assert.True(result.Validation.IsValid, string.Join("; ", result.Validation.Problems.Select(p => p.MessageEn)));
        var district = Assert.Single(result.Units, u => u.Code == "51.522");
        Assert.Equal(UnitLevel.District, district.Level);
        Assert.Equal(new DateOnly(2025, 6, 30), district.ValidTo);
        Assert.Contains(result.Units, u => u.Parent == "51" && u.Level == UnitLevel.Commune && u.ValidFrom == new DateOnly(2025, 7, 1));
    }

    [Fact]
    public void A_malformed_file_is_refused_whole_with_every_bad_line_named()
    {
        var csv = Header
            + "522,Thành phố Quảng Ngãi,district,51,,2025-06-30\n"   // 2: good
            + "523,,district,51,,2025-06-30\n"                       // 3: no name
            + "x.y,Sai mã,commune,51,2025-07-01,\n"                  // 4: dotted code
            + "21211,Phường Cẩm Thành,ward,51,2025-07-01,\n"         // 5: unknown level
            + "21212,Phường Nghĩa Lộ,commune,99,2025-07-01,\n"       // 6: unknown parent
            + "21213,\"Xã Tịnh Khê, mới\",commune,51,01/07/2025,\n"  // 7: date form
            + "21214,Xã thiếu cột,commune,51\n"                      // 8: columns
            + "21215,Xã Kon Tum,commune,62,2025-07-01,\n"            // 9: parent ended before the commune began
            + "522,Trùng,district,51,2020-01-01,2025-06-30\n";       // 10: overlaps line 2

        var result = UnitCsv.Parse(csv, ShippedUnits.Catalogue());

        Assert.False(result.Validation.IsValid);
        Assert.Empty(result.Units);
        var lines = result.Validation.Problems.Select(p => p.Path.Split('.')[1]).Distinct().ToList();
        Assert.Equal(["line[3]", "line[4]", "line[5]", "line[6]", "line[7]", "line[8]", "line[9]", "line[10]"], lines);
        Assert.All(result.Validation.Problems, p => Assert.StartsWith("Dòng ", p.Message));
        Assert.Contains(result.Validation.Problems, p => p.Path == "$.line[10].code" && p.Code == "duplicate-unit" && p.MessageEn.Contains("line 2"));
    }

    [Fact]
    public void Quoted_fields_keep_their_commas_and_a_unit_may_sit_under_one_defined_later_in_the_file()
    {
        var csv = Header + "21211,\"Phường Cẩm Thành, cũ\",commune,51.522,,2025-06-30\r\n522,Thành phố Quảng Ngãi,district,51,,2025-06-30\r\n";

        var result = UnitCsv.Parse(csv, ShippedUnits.Catalogue());

        Assert.True(result.Validation.IsValid);
        Assert.Equal("Phường Cẩm Thành, cũ", result.Units.Single(u => u.Code == "51.522.21211").Name);
    }

    [Fact]
    public void A_file_without_the_header_is_refused_at_line_1()
    {
        var result = UnitCsv.Parse("522,Thành phố Quảng Ngãi,district,51,,2025-06-30\n", ShippedUnits.Catalogue());

        Assert.Equal("$.line[1]", Assert.Single(result.Validation.Problems).Path);
    }
}
