using CulturalServerless.Reports;

namespace CulturalServerless.UnitTests.Reports.Fixtures;

/// <summary>
/// The real 2022 report of the Office of the Quảng Ngãi Provincial People's Committee (the seed
/// document), with every text as written there, a number and a day filled in, and a scoring annex.
/// </summary>
internal static partial class SeedReport
{
    public const string Footnote = "Số liệu cụ thể tại Báo cáo số 1979/BC-VP ngày 11/11/2022 Kết quả đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2022";

    public static readonly string[] GeneralSituation =
    [
        "Văn phòng UBND tỉnh là cơ quan thuộc UBND tỉnh có chức năng tham mưu, giúp UBND tỉnh về: Chương trình, kế hoạch công tác của Ủy ban nhân dân, Chủ tịch Ủy ban nhân dân tỉnh; kiểm soát thủ tục hành chính; tổ chức triển khai thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính thuộc thẩm quyền của địa phương; tổ chức, quản lý và công bố các thông tin chính thức về hoạt động của Ủy ban nhân dân, Chủ tịch Ủy ban nhân dân tỉnh; đầu mối Cổng Thông tin điện tử, kết nối hệ thống thông tin hành chính điện tử phục vụ công tác lãnh đạo, chỉ đạo, điều hành của Ủy ban nhân dân, Chủ tịch Ủy ban nhân dân tỉnh; quản lý Công báo điện tử và phục vụ các hoạt động chung của Ủy ban nhân dân tỉnh; giúp Chủ tịch Ủy ban nhân dân và các Phó Chủ tịch Ủy ban nhân dân tỉnh thực hiện nhiệm vụ, quyền hạn theo thẩm quyền; quản lý công tác quản trị nội bộ của Văn phòng.",
        "Văn phòng Ủy ban nhân dân làm việc theo chế độ thủ trưởng, có Chánh Văn phòng, 03 Phó Chánh Văn phòng, 07 đơn vị hành chính (bao gồm cả Ban Tiếp công dân tỉnh, Trung tâm Phục vụ - Kiểm soát thủ tục hành chính tỉnh) và 01 đơn vị sự nghiệp trực thuộc là Trung tâm Công báo và Tin học. Tổng số cán bộ, công chức, viên chức và người lao động hiện nay là 89; trong đó gồm: 60 cán bộ, công chức (bao gồm cả Chủ tịch và các Phó Chủ tịch Ủy ban nhân dân tỉnh), 14 lao động hợp đồng theo Nghị định số 161/2018/NĐ-CP và 15 viên chức công tác tại Trung tâm Công báo và Tin học.",
        "Cuối năm 2021, Văn phòng UBND tỉnh đã tổ chức họp triển khai nhiệm vụ công tác năm 2022, phát động phong trào thi đua phấn đấu hoàn thành xuất sắc nhiệm vụ công tác. Đồng thời, quán triệt cho công chức, viên chức, người lao động cơ quan tích cực, tăng cường tham gia xây dựng cơ quan văn hóa năm 2022.",
    ];

    public static readonly string[] Remarks =
    [
        "Đa số cán bộ, công chức, viên chức và người lao động Văn phòng Ủy ban nhân dân tỉnh được đào tạo cơ bản, có trình độ kiến thức về chính trị, quản lý nhà nước và chuyên môn đáp ứng yêu cầu nhiệm vụ được giao.",
        "Trực tiếp nhận được sự quan tâm chỉ đạo thường xuyên, kịp thời của Chủ tịch và các Phó Chủ tịch UBND tỉnh.",
        "Luôn nêu cao tinh thần, trách nhiệm trong công việc; kịp thời phối hợp sở, ban ngành, địa phương tham mưu, tổng hợp giúp UBND tỉnh và Chủ tịch UBND tỉnh trong việc lãnh đạo, chỉ đạo, điều hành phát triển kinh tế - xã hội, giữ vững quốc phòng, an ninh và an ninh trật tự trên địa bàn tỉnh.",
        "Nhiệm vụ của Văn phòng UBND tỉnh rất nhiều, khối lượng công việc phải xử lý rất lớn, nhưng đội ngũ cán bộ, công chức, viên chức, người lao động của Văn phòng luôn phát huy dân chủ, đoàn kết, thống nhất, thực hiện tốt các nguyên tắc văn hóa công sở, nâng cao chất lượng tham mưu, tổng hợp, phấn đấu hoàn thành tốt nhiệm vụ được giao.",
    ];

    public const string RecognitionRequest = "Đề nghị Ban chỉ đạo Toàn dân đoàn kết xây dựng đời sống văn hóa thành phố Quảng Ngãi xem xét, công nhận cơ quan Văn hóa năm 2022 đối với cơ quan Văn phòng UBND tỉnh./.";

    public static readonly string[] Recipients =
    [
        "Ban chỉ đạo TĐĐKXDĐSVH thành phố QN (Phòng Văn hóa và Thông tin thành phố)",
        "VPUB: CVP, PCVP, các phòng, ban, đơn vị trực thuộc, CBTH",
        "BCH: Công đoàn, Đoàn TN",
        "Lưu: VT, HCQT",
    ];

    public static IReadOnlyList<CriterionSection> Criteria { get; } =
    [
        new CriterionSection("1", "Hoàn thành tốt nhiệm vụ",
        [
            new CriterionItemReport("1.1", ["Phong trào thi đua thường xuyên, thiết thực, hiệu quả; góp phần hoàn thành xuất sắc kế hoạch công tác hàng năm; 100% cán bộ, công chức, viên chức và người lao động trong cơ quan, đơn vị đạt danh hiệu “Lao động tiên tiến trở lên”."]),
            new CriterionItemReport("1.2", ["100% công chức, viên chức thường xuyên tự học hoặc theo học các lớp đào tạo, bồi dưỡng về chính trị, chuyên môn, nghiệp vụ: Đã cử tham gia 13 lớp bồi dưỡng theo Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức và cán bộ, công chức cấp xã tỉnh Quảng Ngãi năm 2022 (tại Quyết định số 130/QĐ-UBND ngày 28/01/2022), với tổng số lượt người tham gia là 26 người."]) { EvidenceReferences = [Footnote] },
            new CriterionItemReport("1.3", ["Thực hiện nghĩa vụ và đạo đức của cán bộ, công chức, viên chức theo quy định của pháp luật: Thường xuyên tổ chức thực hiện tốt Quy chế Văn hóa công sở, Nội quy lao động; các quy định về những việc cán bộ, công chức, viên chức không được làm và Quy tắc ứng xử ban hành kèm theo Quyết định số 31/QĐ-VP ngày 31/4/2019 của Chánh Văn phòng UBND tỉnh. Kết quả trong kỳ báo cáo, cơ quan không trường hợp nào vi phạm."]),
            new CriterionItemReport("1.4", ["Nâng cao chất lượng các hoạt động dịch vụ công theo quy định của pháp luật, phù hợp với chức năng, nhiệm vụ được giao. Thực hiện chức trách nhiệm vụ tổ chức hoạt động giải quyết thủ tục hành chính tại Trung tâm Phục vụ - Kiểm soát thủ tục hành chính tỉnh đảm bảo các quy định của pháp luật, giải quyết hồ công việc luôn đạt kết quả trên 98%; được tổ chức, công dân đánh giá rất cao: Mức độ hài lòng và rất hài lòng 33.090 lượt (99,89 %); đánh giá bình thường: 34 lượt (0,1%); đánh giá không hài lòng: 0 lượt."]),
            new CriterionItemReport("1.5", ["Trong năm 2022, Văn phòng UBND tỉnh đã đăng ký và triển khai 36 sáng kiến, giải pháp cải tiến, kinh nghiệm được áp dụng vào thực tiễn công việc của cơ quan."]),
        ]),
        new CriterionSection("2", "Thực hiện nếp sống văn minh, môi trường văn hóa công sở",
        [
            new CriterionItemReport("2.1", ["Có trên 98% trở lên cán bộ, công chức, viên chức không vi phạm các quy định về thực hiện nếp sống văn minh, thực hành tiết kiệm trong việc cưới, việc tang và lễ hội."]),
            new CriterionItemReport("2.2", ["Không có cán bộ, công chức, viên chức và người lao động mắc các tệ nạn xã hội; không sử dụng, tàng trữ, lưu hành sản phẩm văn hóa độc hại; không tuyên truyền và thực hiện các hành vi mê tín dị đoan."]),
            new CriterionItemReport("2.3", ["Sinh hoạt cơ quan, đơn vị nề nếp; thực hiện tốt nội quy, quy chế làm việc; quy chế dân chủ ở cơ sở; nội bộ đoàn kết, giúp nhau cùng tiến bộ; tổ chức Hội nghị cán bộ công chức, viên chức, người lao động kịp thời, đúng quy định."]),
            new CriterionItemReport("2.4", ["Cán bộ, công chức, viên chức và người lao động thực hiện không hút thuốc lá nơi làm việc; thực hiện nghiêm việc không uống rượu, bia trong giờ làm việc; trang phục gọn gàng, lịch sự; cơ quan xanh, sạch, đẹp, an toàn; bài trí khuôn viên công sở phù hợp, hài hòa."]),
        ]),
        new CriterionSection("3", "Gương mẫu chấp hành đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước",
        [
            new CriterionItemReport("3.1", ["100% cán bộ, công chức, viên chức và người lao động nắm vững, chấp hành nghiêm đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước và các quy định của địa phương."]),
            new CriterionItemReport("3.2", ["Không có người vi phạm pháp luật phải xử lý từ hình thức cảnh cáo trở lên; cơ quan an toàn, an ninh trật tự; không có khiếu kiện vượt cấp, trái pháp luật."]),
            new CriterionItemReport("3.3", ["Thực hiện tốt nhiệm vụ cải cách hành chính, nhất là cải cách thủ tục hành chính; thực hiện cơ chế một cửa, một cửa liên thông tại Trung tâm Phục vụ - Kiểm soát thủ tục hành chính tỉnh; 08 giờ làm việc có hiệu quả, quản lý và sử dụng ngân sách Nhà nước và các nguồn kinh phí được giao đúng quy định; không để xảy ra lãng phí, tham nhũng; tích cực đấu tranh phòng, chống tham nhũng."]),
        ]),
    ];
}
