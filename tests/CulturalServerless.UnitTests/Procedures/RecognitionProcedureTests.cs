using CulturalServerless.Application.Procedures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CulturalServerless.UnitTests.Procedures;

/// <summary>The shipped procedures before and since 2023, provinces by date, and overrides from a file.</summary>
public sealed class RecognitionProcedureTests
{
    private static readonly IRecognitionProcedures Shipped = RecognitionProcedureCatalog.Shipped;

    [Fact]
    public void Since_2023_the_provincial_labour_federation_recognises_under_HD_58()
    {
        var procedure = Shipped.For("51.522", new DateOnly(2026, 1, 8));

        Assert.Equal("51", procedure.Jurisdiction);
        Assert.Equal(
            new RecognisingBody(
                "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI", "TỔNG LĐLĐ VIỆT NAM", "LĐLĐ", "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI",
                "Ban Thường vụ Liên đoàn Lao động tỉnh Quảng Ngãi", "CHỦ TỊCH", "TM. BAN THƯỜNG VỤ", "Quảng Ngãi"),
            procedure.Body);
        Assert.Contains(procedure.LegalBases, line => line.StartsWith("Căn cứ Hướng dẫn số 58/HD-TLĐ ngày 10/5/2022", StringComparison.Ordinal));
        Assert.Contains(procedure.LegalBases, line => line.Contains("2214/QĐ-TTg", StringComparison.Ordinal));
        Assert.Contains(procedure.LegalBases, line => line.Contains("08/2014/TT-BVHTTDL", StringComparison.Ordinal));
        Assert.Equal(2, procedure.FirstRecognitionAfterYears);
        Assert.Equal(5, procedure.ReRecognitionEveryYears);
        Assert.Equal("Ban Chỉ đạo Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” tỉnh Quảng Ngãi", procedure.SteeringCommittee);
        Assert.Contains("wording (no decision's Điều 1–3 found)", procedure.Defaults);
        Assert.DoesNotContain(procedure.LegalBases.Concat(procedure.Wording.Articles).Concat(procedure.Wording.Recipients), text => text.Contains("{province", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Before_2023_the_chairman_of_the_provincial_peoples_committee_recognises_under_TT_08_2014()
    {
        var procedure = Shipped.For("51", new DateOnly(2022, 12, 31));

        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", procedure.Body.Name);
        Assert.Equal("UBND", procedure.Body.Symbol);
        Assert.Equal("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", procedure.Body.Authority);
        Assert.Equal(string.Empty, procedure.Body.ParentBody);
        Assert.Equal(new DateOnly(2022, 12, 31), procedure.ValidUntil);
        Assert.Equal("national-ldld-hd58-2022", Shipped.For("51", new DateOnly(2023, 1, 1)).Id);
    }

    [Theory]
    [InlineData("52", "2025-06-30", "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH", "Bình Định")]
    [InlineData("52", "2025-07-01", "LIÊN ĐOÀN LAO ĐỘNG TỈNH GIA LAI", "Gia Lai")]
    [InlineData("79.760", "2026-03-01", "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HỒ CHÍ MINH", "Thành phố Hồ Chí Minh")]
    [InlineData("46", "2024-12-31", "LIÊN ĐOÀN LAO ĐỘNG TỈNH THỪA THIÊN HUẾ", "Thừa Thiên Huế")]
    [InlineData("46", "2025-01-01", "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HUẾ", "Huế")]
    public void A_province_code_means_the_province_of_its_date(string jurisdiction, string date, string body, string place)
    {
        var procedure = Shipped.For(jurisdiction, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(body, procedure.Body.Name);
        Assert.Equal(place, procedure.Body.Place);
    }

    [Fact]
    public void A_code_that_names_no_province_on_the_date_has_no_procedure()
    {
        var error = Assert.Throws<ProcedureNotFoundException>(() => Shipped.For("62", new DateOnly(2025, 7, 1)));

        Assert.Contains("'62'", error.Message, StringComparison.Ordinal);
        Assert.Equal("Quảng Ngãi", Shipped.For("51", new DateOnly(2025, 7, 1)).Body.Place);
        Assert.Throws<ProcedureNotFoundException>(() => Shipped.For("51", new DateOnly(2010, 1, 1)));
    }

    [Fact]
    public void Periods_cover_the_years_that_met_the_standard_ending_with_the_year_recognised()
    {
        var procedure = Shipped.For("51", new DateOnly(2026, 1, 8));

        Assert.Equal("2024–2025", procedure.PeriodFor(RecognitionKind.First, 2025));
        Assert.Equal("2021–2025", procedure.PeriodFor(RecognitionKind.ReRecognition, 2025));
        Assert.Equal(new DateOnly(2025, 11, 30), procedure.Deadlines.SubmissionDeadline(2025));
        Assert.Equal(new DateOnly(2026, 1, 18), procedure.Deadlines.ExplanationDue(new DateOnly(2026, 1, 8)));
    }

    [Fact]
    public void A_province_file_wins_for_its_province_from_its_date_and_nowhere_else()
    {
        var path = WriteFile(Procedure("quang-ngai-2025", """["51"]""", "2025-01-01", "LĐLĐQN"));
        try
        {
            var catalog = RecognitionProcedureCatalog.Load(path);

            Assert.Equal("LĐLĐQN", catalog.For("51.522", new DateOnly(2025, 3, 1)).Body.Symbol);
            Assert.Equal("LĐLĐ", catalog.For("51", new DateOnly(2024, 12, 31)).Body.Symbol);
            Assert.Equal("LĐLĐ", catalog.For("38", new DateOnly(2025, 3, 1)).Body.Symbol);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_missing_parts_is_refused_with_every_problem()
    {
        var path = WriteFile("""{ "procedures": [ { "id": "x", "validFrom": "2025-01-01", "validUntil": "2024-01-01", "firstRecognitionAfterYears": 0 } ] }""");
        try
        {
            var error = Assert.Throws<InvalidProcedureException>(() => RecognitionProcedureCatalog.Load(path));

            Assert.Contains(error.Problems, p => p.StartsWith("$.procedures[0]: body", StringComparison.Ordinal));
            Assert.Contains(error.Problems, p => p.StartsWith("$.procedures[0]: firstRecognitionAfterYears", StringComparison.Ordinal));
            Assert.Contains(error.Problems, p => p.StartsWith("$.procedures[0]: deadlines", StringComparison.Ordinal));
            Assert.Contains(error.Problems, p => p.StartsWith("$.procedures[0]: wording", StringComparison.Ordinal));
            Assert.Contains("$.procedures[0]: validUntil is before validFrom.", error.Problems);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_service_collection_serves_the_procedures_of_the_settings_file()
    {
        var path = WriteFile(Procedure("quang-ngai-2025", """["51"]""", "2025-01-01", "LĐLĐQN"));
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Procedures:Path"] = path })
                .Build();
            using var provider = new ServiceCollection().AddRecognitionProcedures(configuration).BuildServiceProvider();

            Assert.Equal("LĐLĐQN", provider.GetRequiredService<IRecognitionProcedures>().For("51", new DateOnly(2026, 1, 1)).Body.Symbol);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string WriteFile(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"procedures-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static string Procedure(string id, string jurisdictions, string from, string symbol) =>
        $$"""{ "procedures": [ {{ProcedureFiles.Procedure(id, jurisdictions, from, symbol)}} ] }""";
}
