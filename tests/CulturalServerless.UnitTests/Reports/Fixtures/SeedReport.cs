using CulturalServerless.Reports;

namespace CulturalServerless.UnitTests.Reports.Fixtures;

internal static partial class SeedReport
{
    public const string Title = "Xây dựng Cơ quan Văn phòng UBND tỉnh\nđạt chuẩn văn hóa năm 2022";

    public static OfficialReport Build() => new()
    {
        ParentBody = "UBND TỈNH QUẢNG NGÃI",
        IssuingBody = "VĂN PHÒNG",
        Number = new DocumentNumber(15, "BC-VP"),
        PlaceAndDate = new IssuePlaceAndDate("Quảng Ngãi", new DateOnly(2022, 11, 15)),
        Title = Title,
        GeneralSituation = GeneralSituation,
        Criteria = Criteria,
        Remarks = Remarks,
        Recommendations = [],
        Conclusion = new ReportConclusion(98, 100, "đạt cơ quan văn hóa năm 2022", RecognitionRequest),
        Annex = Annex,
        Recipients = Recipients,
        Signatory = new ReportSignatory("CHÁNH VĂN PHÒNG", "Vũ Minh Tâm"),
    };

    /// <summary>
    /// A 30/40/30 scale (the one published scale the domain notes cite), with the two points the
    /// office did not claim and one item where the computed score differs from its own.
    /// </summary>
    public static IReadOnlyList<AnnexRow> Annex { get; } =
    [
        new("1", "Hoàn thành tốt nhiệm vụ", 30, 29, 29, string.Empty) { IsGroup = true },
        new("1.1", "Phong trào thi đua; 100% đạt “Lao động tiên tiến” trở lên", 6, 6, 6, "Quyết định khen thưởng năm 2022"),
        new("1.2", "100% công chức, viên chức học tập, bồi dưỡng", 6, 6, 6, "Báo cáo số 1979/BC-VP ngày 11/11/2022"),
        new("1.3", "Thực hiện nghĩa vụ và đạo đức công vụ", 6, 6, 6, "Quyết định số 31/QĐ-VP; không có vi phạm"),
        new("1.4", "Chất lượng dịch vụ công", 6, 5, 5, "Mức độ hài lòng 99,89%; còn 34 lượt đánh giá bình thường"),
        new("1.5", "Sáng kiến, cải tiến được áp dụng", 6, 6, 6, "36 sáng kiến, giải pháp"),
        new("2", "Thực hiện nếp sống văn minh, môi trường văn hóa công sở", 40, 39, 38, string.Empty) { IsGroup = true },
        new("2.1", "Nếp sống văn minh trong việc cưới, việc tang, lễ hội", 10, 9, 9, "Trên 98% không vi phạm"),
        new("2.2", "Không mắc tệ nạn xã hội, mê tín dị đoan", 10, 10, 10, string.Empty),
        new("2.3", "Sinh hoạt nề nếp, dân chủ cơ sở, đoàn kết", 10, 10, 9, "Biên bản Hội nghị cán bộ công chức chưa đính kèm; đơn vị giải trình đã tổ chức đúng hạn"),
        new("2.4", "Không hút thuốc, không uống rượu bia; công sở xanh, sạch, đẹp", 10, 10, 10, string.Empty),
        new("3", "Gương mẫu chấp hành đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước", 30, 30, 30, string.Empty) { IsGroup = true },
        new("3.1", "Nắm vững, chấp hành đường lối, chính sách, pháp luật", 10, 10, 10, string.Empty),
        new("3.2", "Không vi phạm pháp luật; an toàn, an ninh trật tự", 10, 10, 10, string.Empty),
        new("3.3", "Cải cách hành chính; phòng, chống tham nhũng, lãng phí", 10, 10, 10, string.Empty),
        new(string.Empty, "Tổng cộng", 100, 98, 97, string.Empty) { IsGroup = true },
    ];
}
