using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Procedures;
using CulturalServerless.Application.Reports;
using CulturalServerless.UnitTests.Scoring;

namespace CulturalServerless.UnitTests.Reports.Mapping;

/// <summary>What the agency's registration puts in the report's header and in its request for recognition.</summary>
public sealed class OfficialReportMapperTests
{
    private static readonly Agency Registered = new()
    {
        Id = "vp-ubnd-quang-ngai",
        Name = "Văn phòng UBND tỉnh Quảng Ngãi",
        ParentBody = "UBND tỉnh Quảng Ngãi",
        Symbol = "VP",
        Jurisdiction = "51.522",
        PlaceName = "Quảng Ngãi",
        Signer = new AgencySigner("Chánh Văn phòng", "Vũ Minh Tâm"),
    };

    private static ReportRequest RequestFor(Agency agency)
    {
        var evaluation = new AssessmentEvaluator(RubricCatalog.Shipped).Evaluate(SeedSubmission.Load());
        return new ReportRequest
        {
            Agency = agency, Year = 2022, Version = 1, Submission = evaluation.Submission, Score = evaluation.Score!,
            SubmittedAt = new DateTimeOffset(2022, 11, 15, 8, 0, 0, TimeSpan.FromHours(7)),
            Issue = new DocumentIssue(1, "01/BC-VP", new DateOnly(2022, 11, 15)),
        };
    }

    [Fact]
    public void The_header_prints_the_short_name_under_the_parent_body_and_the_request_names_the_committee()
    {
        var agency = Registered with
        {
            HeaderName = "Văn phòng",
            SteeringCommittee = "Ban chỉ đạo Toàn dân đoàn kết xây dựng đời sống văn hóa thành phố Quảng Ngãi",
        };

        var report = OfficialReportMapper.Map(RequestFor(agency), 15, new DateOnly(2022, 11, 15), RecognitionProcedureCatalog.Shipped);

        Assert.Equal("UBND TỈNH QUẢNG NGÃI", report.ParentBody);
        Assert.Equal("VĂN PHÒNG", report.IssuingBody);
        Assert.Equal(
            "Đề nghị Ban chỉ đạo Toàn dân đoàn kết xây dựng đời sống văn hóa thành phố Quảng Ngãi xem xét, "
            + "công nhận cơ quan văn hóa năm 2022 đối với Văn phòng UBND tỉnh Quảng Ngãi./.",
            report.Conclusion.RecognitionRequest);
    }

    [Fact]
    public void Without_them_the_header_prints_the_full_name_and_the_request_the_committee_configured_for_its_unit()
    {
        var report = OfficialReportMapper.Map(RequestFor(Registered), 15, new DateOnly(2022, 11, 15), RecognitionProcedureCatalog.Shipped);

        Assert.Equal("VĂN PHÒNG UBND TỈNH QUẢNG NGÃI", report.IssuingBody);
        Assert.StartsWith("Đề nghị Ban Chỉ đạo Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” tỉnh Quảng Ngãi xem xét,", report.Conclusion.RecognitionRequest, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_procedure_for_its_province_the_request_names_the_movements_committee()
    {
        var report = OfficialReportMapper.Map(RequestFor(Registered with { Jurisdiction = "99" }), 15, new DateOnly(2022, 11, 15), RecognitionProcedureCatalog.Shipped);

        Assert.StartsWith($"Đề nghị {OfficialReportMapper.DefaultCommittee} xem xét,", report.Conclusion.RecognitionRequest, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_report_for_a_past_year_prints_the_bodies_of_that_years_registration_not_todays()
    {
        const string cityCommittee = "Ban chỉ đạo Toàn dân đoàn kết xây dựng đời sống văn hóa thành phố Quảng Ngãi";
        const string wardCommittee = "Ban chỉ đạo Toàn dân đoàn kết xây dựng đời sống văn hóa phường Cẩm Thành";
        var then = AgencyRegistrationPeriod.Of(Registered with { SteeringCommittee = cityCommittee }, new DateOnly(2022, 1, 1)) with { ValidTo = new DateOnly(2025, 6, 30) };
        var now = Registered with
        {
            Jurisdiction = "51.21211",
            ParentBody = "UBND tỉnh Quảng Ngãi (mới)",
            SteeringCommittee = wardCommittee,
        };
        var agency = now with { Registrations = [then, AgencyRegistrationPeriod.Of(now, new DateOnly(2025, 7, 1))] };

        var past = OfficialReportMapper.Map(RequestFor(agency), 3, new DateOnly(2026, 12, 1), RecognitionProcedureCatalog.Shipped);
        var current = OfficialReportMapper.Map(RequestFor(agency) with { Year = 2025 }, 4, new DateOnly(2026, 12, 1), RecognitionProcedureCatalog.Shipped);

        Assert.Equal("UBND TỈNH QUẢNG NGÃI", past.ParentBody);
        Assert.Contains(cityCommittee, past.Conclusion.RecognitionRequest, StringComparison.Ordinal);
        Assert.Equal("UBND TỈNH QUẢNG NGÃI (MỚI)", current.ParentBody);
        Assert.Contains(wardCommittee, current.Conclusion.RecognitionRequest, StringComparison.Ordinal);
    }
}
