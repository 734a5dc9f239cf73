using System.Globalization;
using CulturalServerless.Reports;
using CulturalServerless.Reports.Decisions;

namespace CulturalServerless.UnitTests.Reports.Fixtures;

/// <summary>
/// A recognition decision of the Quảng Ngãi labour federation as the since-2023 procedure words it,
/// listing as many agencies as a test asks for (QĐ 755/QĐ-UBND listed 580).
/// </summary>
internal static class SampleDecision
{
    public const string Title = "Về việc công nhận danh hiệu “Cơ quan đạt chuẩn văn hóa” năm 2025";

    public static RecognitionDecision Build(int agencies = 3) => new()
    {
        ParentBody = "TỔNG LĐLĐ VIỆT NAM",
        IssuingBody = "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI",
        Number = DocumentNumber.OfDecision(12, "LĐLĐ"),
        PlaceAndDate = new IssuePlaceAndDate("Quảng Ngãi", new DateOnly(2026, 1, 8)),
        Title = Title,
        Authority = "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI",
        LegalBases =
        [
            "Căn cứ Điều lệ Công đoàn Việt Nam;",
            "Căn cứ Thông tư số 08/2014/TT-BVHTTDL của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch quy định chi tiết tiêu chuẩn, trình tự, thủ tục xét và công nhận “Cơ quan đạt chuẩn văn hóa”, “Đơn vị đạt chuẩn văn hóa”, “Doanh nghiệp đạt chuẩn văn hóa”;",
            "Căn cứ Hướng dẫn số 58/HD-TLĐ ngày 10/5/2022 của Tổng Liên đoàn Lao động Việt Nam;",
            "Xét đề nghị của Hội đồng thẩm định.",
        ],
        Articles =
        [
            $"Điều 1. Công nhận danh hiệu “Cơ quan đạt chuẩn văn hóa” cho {agencies} cơ quan, đơn vị (có danh sách kèm theo).",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
            "Điều 3. Văn phòng Liên đoàn Lao động tỉnh, các ban có liên quan và các cơ quan, đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        ],
        Recipients = ["Như Điều 3", "Tổng LĐLĐ Việt Nam (để b/c)", "Ban Chỉ đạo Phong trào TDĐKXDĐSVH tỉnh", "Lưu: VT"],
        Signatory = new ReportSignatory("CHỦ TỊCH", "Nguyễn Văn An") { AuthorityPrefix = "TM. BAN THƯỜNG VỤ" },
        AnnexTitle = "Cơ quan đạt chuẩn văn hóa năm 2025",
        AnnexIssuedBy = "Ban Thường vụ Liên đoàn Lao động tỉnh Quảng Ngãi",
        Annex = Rows(agencies),
    };

    /// <summary>Agency i: names of varied length (some wrap), points with and without decimals, both kinds.</summary>
    public static IReadOnlyList<RecognitionDecisionRow> Rows(int count) =>
        Enumerable.Range(1, count).Select(i => new RecognitionDecisionRow(
            i % 7 == 0
                ? $"Trung tâm Phục vụ hành chính công và Kiểm soát thủ tục hành chính số {i.ToString(CultureInfo.InvariantCulture)}"
                : $"Văn phòng cơ quan số {i.ToString(CultureInfo.InvariantCulture)}",
            i % 3 == 0 ? "Xã Bình Sơn" : "Phường Cẩm Thành",
            90 + (i % 10) + (i % 4 == 0 ? 0.5m : 0),
            i % 5 == 0 ? "Công nhận lại" : "Công nhận lần đầu",
            i % 5 == 0 ? "2021–2025" : "2024–2025")).ToList();
}
