using CulturalServerless.Application.Procedures;
using CulturalServerless.Reports.Decisions;
using CulturalServerless.UnitTests.Reports.Rendering;

namespace CulturalServerless.UnitTests.Procedures;

/// <summary>The appraisal supplies data only: the composer takes everything else from the procedure.</summary>
public sealed class RecognitionDecisionComposerTests
{
    private static readonly RecognitionProcedure Procedure = RecognitionProcedureCatalog.Shipped.For("51.522", new DateOnly(2026, 1, 8));

    private static readonly RecognitionEntry[] Entries =
    [
        new("Văn phòng UBND tỉnh Quảng Ngãi", "Phường Cẩm Thành", 97.5m, RecognitionKind.First),
        new("Sở Tư pháp tỉnh Quảng Ngãi", "Phường Cẩm Thành", 95m, RecognitionKind.ReRecognition),
    ];

    [Fact]
    public void The_decision_takes_body_wording_and_periods_from_the_procedure()
    {
        var decision = RecognitionDecisionComposer.Compose(Procedure, 3, new DateOnly(2026, 1, 8), "Nguyễn Văn An", 2025, Entries);

        Assert.Equal("Số: 03/QĐ-LĐLĐ", decision.Number.ToString());
        Assert.Equal("LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI", decision.IssuingBody);
        Assert.Equal("TỔNG LĐLĐ VIỆT NAM", decision.ParentBody);
        Assert.Equal("Quảng Ngãi, ngày 08 tháng 01 năm 2026", decision.PlaceAndDate.ToString());
        Assert.Equal("Về việc công nhận danh hiệu “Cơ quan đạt chuẩn văn hóa” năm 2025", decision.Title);
        Assert.Equal(Procedure.LegalBases, decision.LegalBases);
        Assert.Equal("Điều 1. Công nhận danh hiệu “Cơ quan đạt chuẩn văn hóa” năm 2025 cho 2 cơ quan, đơn vị (có danh sách kèm theo).", decision.Articles[0]);
        Assert.Equal(("CHỦ TỊCH", "Nguyễn Văn An", "TM. BAN THƯỜNG VỤ"), (decision.Signatory.Title, decision.Signatory.Name, decision.Signatory.AuthorityPrefix));
        Assert.Equal("Ban Thường vụ Liên đoàn Lao động tỉnh Quảng Ngãi", decision.AnnexIssuedBy);
        Assert.Equal(
            [
                new RecognitionDecisionRow("Văn phòng UBND tỉnh Quảng Ngãi", "Phường Cẩm Thành", 97.5m, "Công nhận lần đầu", "2024–2025"),
                new RecognitionDecisionRow("Sở Tư pháp tỉnh Quảng Ngãi", "Phường Cẩm Thành", 95m, "Công nhận lại", "2021–2025"),
            ],
            decision.Annex);
    }

    [Fact]
    public void A_composed_decision_renders_with_its_annex()
    {
        var decision = RecognitionDecisionComposer.Compose(Procedure, 3, new DateOnly(2026, 1, 8), "Nguyễn Văn An", 2025, Entries);

        var lines = PdfTextLines.Read(new DecisionRenderer().Render(decision));

        Assert.Contains(lines, line => line.Text == "Số: 03/QĐ-LĐLĐ");
        Assert.Contains(lines, line => line.Text == "TM. BAN THƯỜNG VỤ");
        Assert.Contains(lines, line => line.Text == "Sở Tư pháp tỉnh Quảng Ngãi");
        Assert.Contains(lines, line => line.Text == "97,5");
    }

    [Fact]
    public void Before_2023_the_chairman_signs_without_an_authority_prefix()
    {
        var procedure = RecognitionProcedureCatalog.Shipped.For("51", new DateOnly(2022, 3, 1));

        var decision = RecognitionDecisionComposer.Compose(procedure, null, new DateOnly(2022, 3, 1), "Đặng Văn Minh", 2021, Entries);

        Assert.Null(decision.Signatory.AuthorityPrefix);
        Assert.Equal("Số:      /QĐ-UBND", decision.Number.ToString());
        Assert.Equal(string.Empty, decision.ParentBody);
    }
}
