using CulturalServerless.Application.Procedures;

namespace CulturalServerless.UnitTests.Procedures;

/// <summary>
/// Procedures and steering committees configured per unit and date: a commune's beats its
/// province's, which beats the national default, each only while its dates say so.
/// </summary>
public sealed class CommitteesByLevelTests
{
    private const string Ward = "Ban Chỉ đạo phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” phường Cẩm Thành";
    private const string City = "Ban Chỉ đạo phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” thành phố Quảng Ngãi";
    private const string ProvinceCommittee = "Ban Chỉ đạo Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” tỉnh Quảng Ngãi";

    [Fact]
    public void A_communes_committee_beats_its_provinces_from_its_date_and_the_province_keeps_its_own()
    {
        using var file = new ProcedureFileFixture($$"""
            { "procedures": [ {{ProcedureFiles.Procedure("quang-ngai-2025", """["51"]""", "2025-07-01", "LĐLĐQN", "Ban Chỉ đạo {province} (tỉnh)")}} ],
              "committees": [
                { "unit": "51.21211", "validFrom": "2025-07-01", "steeringCommittee": "{{Ward}}" },
                { "unit": "51.522", "validFrom": "2014-01-01", "validUntil": "2025-06-30", "steeringCommittee": "{{City}}" } ] }
            """);
        var catalog = RecognitionProcedureCatalog.Load(file.Path);

        var ward = catalog.For("51.21211", new DateOnly(2026, 1, 8));
        Assert.Equal(Ward, ward.SteeringCommittee);
        Assert.Equal("51.21211", ward.SteeringCommitteeUnit);
        Assert.Equal(("quang-ngai-2025", "51", "LĐLĐQN"), (ward.Id, ward.Jurisdiction, ward.Body.Symbol)); // the body stays the province's

        var otherWard = catalog.For("51.21214", new DateOnly(2026, 1, 8));
        Assert.Equal("Ban Chỉ đạo tỉnh Quảng Ngãi (tỉnh)", otherWard.SteeringCommittee);
        Assert.Equal("51", otherWard.SteeringCommitteeUnit);

        // Before 1/7/2025 the ward did not exist; the city's committee had not ended.
        var city = catalog.For("51.522", new DateOnly(2024, 12, 1));
        Assert.Equal(City, city.SteeringCommittee);
        Assert.Equal("national-ldld-hd58-2022", city.Id);
        Assert.Equal(ProvinceCommittee, catalog.For("51.21211", new DateOnly(2025, 6, 30)).SteeringCommittee);
        Assert.Equal("Ban Chỉ đạo tỉnh Quảng Ngãi (tỉnh)", catalog.For("51.522", new DateOnly(2025, 7, 1)).SteeringCommittee);
        Assert.Equal(ProvinceCommittee, catalog.For("51", new DateOnly(2025, 6, 30)).SteeringCommittee);
        Assert.Equal("Ban Chỉ đạo Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” tỉnh Thanh Hóa", catalog.For("38.16000", new DateOnly(2026, 1, 8)).SteeringCommittee);
    }

    [Fact]
    public void A_procedure_naming_a_commune_beats_the_provinces_and_numbers_in_the_communes_register()
    {
        using var file = new ProcedureFileFixture($$"""
            { "procedures": [
                {{ProcedureFiles.Procedure("quang-ngai-2025", """["51"]""", "2025-07-01", "LĐLĐQN", "Ban Chỉ đạo {province}")}},
                {{ProcedureFiles.Procedure("cam-thanh-2025", """["51.21211"]""", "2025-07-01", "CĐCT", "Ban Chỉ đạo phường Cẩm Thành")}} ] }
            """);
        var catalog = RecognitionProcedureCatalog.Load(file.Path);

        var ward = catalog.For("51.21211", new DateOnly(2026, 1, 8));
        Assert.Equal(("cam-thanh-2025", "51.21211", "CĐCT"), (ward.Id, ward.Jurisdiction, ward.Body.Symbol));
        Assert.Equal(("Ban Chỉ đạo phường Cẩm Thành", "51.21211"), (ward.SteeringCommittee, ward.SteeringCommitteeUnit));
        Assert.Equal("cam-thanh-2025", catalog.For("51.21211.7", new DateOnly(2026, 1, 8)).Id);
        Assert.Equal("quang-ngai-2025", catalog.For("51.21214", new DateOnly(2026, 1, 8)).Id);
        Assert.Equal("quang-ngai-2025", catalog.For("51", new DateOnly(2026, 1, 8)).Id);
        Assert.Equal("national-ldld-hd58-2022", catalog.For("51.21211", new DateOnly(2025, 6, 30)).Id);
    }

    [Fact]
    public void A_committee_entry_for_the_province_does_not_override_a_communes_own_procedure()
    {
        using var file = new ProcedureFileFixture($$"""
            { "procedures": [ {{ProcedureFiles.Procedure("cam-thanh-2025", """["51.21211"]""", "2025-07-01", "CĐCT", "Ban Chỉ đạo phường Cẩm Thành")}} ],
              "committees": [ { "unit": "51", "validFrom": "2025-07-01", "steeringCommittee": "Ban Chỉ đạo tỉnh Quảng Ngãi (mới)" } ] }
            """);
        var catalog = RecognitionProcedureCatalog.Load(file.Path);

        Assert.Equal("Ban Chỉ đạo phường Cẩm Thành", catalog.For("51.21211", new DateOnly(2026, 1, 8)).SteeringCommittee);
        Assert.Equal("Ban Chỉ đạo tỉnh Quảng Ngãi (mới)", catalog.For("51.21214", new DateOnly(2026, 1, 8)).SteeringCommittee);
    }

    [Fact]
    public void The_decisions_wording_names_the_committee_chosen_for_the_unit()
    {
        using var file = new ProcedureFileFixture($$"""
            { "committees": [ { "unit": "51.522", "validFrom": "2014-01-01", "validUntil": "2025-06-30", "steeringCommittee": "{{City}}" } ],
              "procedures": [ {{ProcedureFiles.Procedure("x", """["62"]""", "2014-01-01", "X", "Ban Chỉ đạo {province}")}} ] }
            """);
        var catalog = RecognitionProcedureCatalog.Load(file.Path);

        var city = catalog.For("51.522", new DateOnly(2022, 3, 1));
        Assert.Equal("national-ubnd-tt08-2014", city.Id);
        Assert.Contains($"Xét đề nghị của {City}.", city.LegalBases);
        Assert.Contains($"Trưởng {City} và thủ trưởng", city.Wording.Articles[2], StringComparison.Ordinal);
        Assert.Contains($"Xét đề nghị của {ProvinceCommittee}.", catalog.For("51", new DateOnly(2022, 3, 1)).LegalBases);
    }

    [Fact]
    public void A_file_with_bad_committees_and_units_is_refused_with_every_problem()
    {
        using var file = new ProcedureFileFixture($$"""
            { "procedures": [ {{ProcedureFiles.Procedure("kon-tum", """["62", "51..3"]""", "2025-07-01", "X", "Ban Chỉ đạo")}} ],
              "committees": [
                { "unit": "62.23302", "validFrom": "2025-07-01", "steeringCommittee": "Ban Chỉ đạo phường Kon Tum" },
                { "unit": "51.21211", "validFrom": "2026-01-01", "validUntil": "2025-01-01" },
                null,
                { "steeringCommittee": "Ban Chỉ đạo" } ] }
            """);

        var error = Assert.Throws<InvalidProcedureException>(() => RecognitionProcedureCatalog.Load(file.Path));

        Assert.Contains("$.procedures[0].jurisdictions[0]: no province has the code '62' on 2025-07-01, when the entry starts.", error.Problems);
        Assert.Contains("$.procedures[0].jurisdictions[1]: '51..3' is not a jurisdiction code (e.g. 51 or 51.21211).", error.Problems);
        Assert.Contains("$.committees[0].unit: no province has the code '62' on 2025-07-01, when the entry starts.", error.Problems);
        Assert.Contains("$.committees[1]: steeringCommittee is missing or invalid.", error.Problems);
        Assert.Contains("$.committees[1]: validUntil is before validFrom.", error.Problems);
        Assert.Contains("$.committees[2]: null.", error.Problems);
        Assert.Contains("$.committees[3]: validFrom is missing or invalid.", error.Problems);
        Assert.Contains("$.committees[3].unit: '' is not a jurisdiction code (e.g. 51 or 51.21211).", error.Problems);
        Assert.Equal(8, error.Problems.Count);
    }

    private sealed class ProcedureFileFixture : IDisposable
    {
        public ProcedureFileFixture(string json)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"procedures-{Guid.NewGuid():N}.json");
            File.WriteAllText(Path, json);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
