using CulturalServerless.UnitTests.Reports.Fixtures;

namespace CulturalServerless.UnitTests.Reports.Rendering;

public sealed class ReportRendererTests
{
    private const double Millimetre = PdfTextLines.Millimetre;
    private static readonly Lazy<IReadOnlyList<PdfTextLine>> SeedLines =
        new(() => PdfTextLines.Read(new ReportRenderer().Render(SeedReport.Build())));

    private static IReadOnlyList<PdfTextLine> Lines => SeedLines.Value;

    private static PdfTextLine Line(string text, int page = 1) =>
        Assert.Single(Lines, line => line.Page == page && line.Text == text);

    [Fact]
    public void The_seed_report_reads_back_with_its_exact_Vietnamese_texts()
    {
        var flow = PdfTextLines.Flow(Lines);
        var expected = new List<string>(SeedReport.GeneralSituation);
        expected.AddRange(SeedReport.Criteria.Select(c => $"{c.Code}. Tiêu chí về “{c.Title}”"));
        expected.AddRange(SeedReport.Criteria.SelectMany(c => c.Items).Select(item => $"{item.Code}. {item.Narrative[0]}"));
        expected.AddRange(SeedReport.Remarks.Select(remark => $"- {remark}"));
        expected.Add("I. TÌNH HÌNH CHUNG");
        expected.Add("II. KẾT QUẢ THỰC HIỆN");
        expected.Add("III. NHẬN XÉT, ĐÁNH GIÁ");
        expected.Add("Kiến nghị: Không");
        expected.Add("IV. TỔNG ĐIỂM TỰ CHẤM: 98/100 điểm; đạt cơ quan văn hóa năm 2022.");
        expected.Add(SeedReport.RecognitionRequest);
        expected.Add("Xây dựng Cơ quan Văn phòng UBND tỉnh đạt chuẩn văn hóa năm 2022");

        Assert.True(flow.IsNormalized(NormalizationForm.FormC));
        Assert.All(expected, text => Assert.Contains(text, flow, StringComparison.Ordinal));
        Assert.Contains("26 người.¹", flow, StringComparison.Ordinal);
    }

    /// <summary>
    /// Decree 30's body is justified: every line but a paragraph's last reaches the right margin
    /// (each is drawn as one glyph run whose gaps are widened), and none runs past it.
    /// </summary>
    [Fact]
    public void Body_lines_are_justified_to_the_right_margin_and_never_past_it()
    {
        var body = Lines.Where(line => line.Size > 13.5 && line.Size < 14.5 && line.FromTop > 20 * Millimetre).ToList();
        var rightMargin = body[0].PageWidth - (15 * Millimetre);

        var justified = body.Where(line => Math.Abs(line.Right - rightMargin) < 0.5).ToList();

        Assert.True(justified.Count >= 60, $"Only {justified.Count} body lines reach the right margin.");
        Assert.All(body, line => Assert.True(line.Right < rightMargin + 0.5, $"'{line.Text}' ends at {line.Right:F1}, past {rightMargin:F1}."));
        Assert.Contains(justified, line => line.Text.StartsWith("mưu, giúp UBND tỉnh về: Chương trình", StringComparison.Ordinal));
    }

    /// <summary>A justified line is one text run with its gaps widened (TJ), not a draw call per word.</summary>
    [Fact]
    public void Justified_lines_are_single_text_runs_with_widened_gaps()
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(new ReportRenderer().Render(SeedReport.Build()));
        var operations = document.GetPage(1).Operations;

        var widened = operations.OfType<UglyToad.PdfPig.Graphics.Operations.TextShowing.ShowTextsWithPositioning>().ToList();
        var plain = operations.OfType<UglyToad.PdfPig.Graphics.Operations.TextShowing.ShowText>().Count();

        Assert.True(widened.Count >= 15, $"Only {widened.Count} TJ runs on page 1.");
        Assert.All(widened, run => Assert.Contains(run.Array, token => token is UglyToad.PdfPig.Tokens.NumericToken { Double: < 0 }));
        Assert.True(plain < 40, $"{plain} Tj runs on page 1: justified lines are drawn word by word.");
    }

    [Fact]
    public void The_documents_author_is_the_issuing_body_with_its_parent()
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(new ReportRenderer().Render(SeedReport.Build()));

        Assert.Equal("VĂN PHÒNG - UBND TỈNH QUẢNG NGÃI", document.Information.Author);
    }

    [Fact]
    public void The_footnote_stands_at_the_foot_of_the_page_that_cites_it()
    {
        var marker = Assert.Single(Lines, line => line.Text.EndsWith("26 người.¹", StringComparison.Ordinal));
        var footnote = Lines.Where(line => line.Page == marker.Page && line.Size < 10.5).ToList();

        Assert.StartsWith("¹ Số liệu cụ thể tại Báo cáo số 1979/BC-VP", footnote[0].Text, StringComparison.Ordinal);
        Assert.Equal($"¹ {SeedReport.Footnote}", PdfTextLines.Collapse(string.Join(' ', footnote.Select(line => line.Text))));
        Assert.All(footnote, line => Assert.True(line.FromTop > 250 * Millimetre));
    }

    [Fact]
    public void The_header_follows_decree_30()
    {
        var parent = Line("UBND TỈNH QUẢNG NGÃI");
        var issuer = Line("VĂN PHÒNG");
        var number = Line("Số: 15/BC-VP");
        var nation = Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        var motto = Line("Độc lập - Tự do - Hạnh phúc");
        var date = Line("Quảng Ngãi, ngày 15 tháng 11 năm 2022");
        var type = Line("BÁO CÁO");

        // Top left: parent body over issuing body over the number, one centred column.
        Assert.True(issuer.Left >= 30 * Millimetre && issuer.Right < nation.Left);
        Assert.True(parent.FromTop < issuer.FromTop && issuer.FromTop < number.FromTop);
        Assert.Equal(parent.Centre, issuer.Centre, 1.0);
        Assert.Equal(issuer.Centre, number.Centre, 1.0);
        Assert.True(issuer.FromTop < 40 * Millimetre);

        // Top right: national title, motto, then the place and date under them.
        Assert.Equal(nation.FromTop, parent.FromTop, 1.0);
        Assert.True(nation.Right <= nation.PageWidth - (15 * Millimetre) + 0.5);
        Assert.True(motto.FromTop > nation.FromTop && date.FromTop > motto.FromTop);
        Assert.Equal(motto.Centre, date.Centre, 1.0);
        Assert.Equal(number.FromTop, date.FromTop, 0.5);

        // Then the document type, centred on the text area, below both columns.
        var textCentre = (30 * Millimetre) + ((type.PageWidth - (45 * Millimetre)) / 2);
        Assert.Equal(textCentre, type.Centre, 1.0);
        Assert.True(type.FromTop > date.FromTop);
    }

    [Fact]
    public void Pages_are_numbered_in_the_top_margin_from_the_second_page_on()
    {
        var pages = Lines.Max(line => line.Page);
        var inTopMargin = Lines.Where(line => line.FromTop < 20 * Millimetre).ToList();

        Assert.True(pages >= 3);
        Assert.DoesNotContain(inTopMargin, line => line.Page == 1);
        for (var page = 2; page <= pages; page++)
        {
            var number = Assert.Single(inTopMargin, line => line.Page == page);
            Assert.Equal(page.ToString(System.Globalization.CultureInfo.InvariantCulture), number.Text);
            Assert.Equal((30 * Millimetre) + ((number.PageWidth - (45 * Millimetre)) / 2), number.Centre, 1.0);
        }
    }

    [Fact]
    public void Recipients_and_signer_close_the_report()
    {
        var label = Assert.Single(Lines, line => line.Text == "Nơi nhận:");
        var title = Assert.Single(Lines, line => line.Text == "CHÁNH VĂN PHÒNG");
        var name = Assert.Single(Lines, line => line.Text == "Vũ Minh Tâm");
        var recipients = PdfTextLines.Collapse(string.Join(' ', Lines
            .Where(line => line.Page == label.Page && line.FromTop > label.FromTop && line.Right < title.Left)
            .Select(line => line.Text)));

        Assert.Equal(label.Page, name.Page);
        Assert.True(label.Centre < label.PageWidth / 2 && title.Centre > label.PageWidth / 2);
        Assert.Equal(title.Centre, name.Centre, 1.0);
        Assert.True(name.FromTop - title.FromTop > 60);
        Assert.Equal(
            "- Ban chỉ đạo TĐĐKXDĐSVH thành phố QN (Phòng Văn hóa và Thông tin thành phố); "
            + "- VPUB: CVP, PCVP, các phòng, ban, đơn vị trực thuộc, CBTH; - BCH: Công đoàn, Đoàn TN; - Lưu: VT, HCQT.",
            recipients);
    }

    [Fact]
    public void The_annex_table_repeats_its_header_on_every_page()
    {
        var rows = Enumerable.Range(1, 60)
            .Select(i => new AnnexRow($"{i}", $"Tiêu chí thành phần số {i} về nếp sống văn minh", 10, 9, 9, "Có minh chứng kèm theo"))
            .ToList();
        var lines = PdfTextLines.Read(new ReportRenderer().Render(SeedReport.Build() with { Annex = rows }));

        var annexStart = Assert.Single(lines, line => line.Text == "PHỤ LỤC").Page;
        var lastPage = lines.Max(line => line.Page);
        Assert.True(lastPage > annexStart, "The annex should need a second page.");
        for (var page = annexStart; page <= lastPage; page++)
        {
            var onPage = lines.Where(line => line.Page == page && line.FromTop > 20 * Millimetre).ToList();
            var header = Assert.Single(onPage, line => line.Text.Contains("Giải trình", StringComparison.Ordinal));
            var firstRow = onPage.Where(line => line.Text.Contains("Tiêu chí thành phần", StringComparison.Ordinal)).Min(line => line.FromTop);
            Assert.True(header.FromTop < firstRow);
            if (page > annexStart)
            {
                // On a continuation page the header row is the first thing under the page number.
                var top = onPage.Min(line => line.FromTop);
                var topRow = string.Join(' ', onPage.Where(line => Math.Abs(line.FromTop - top) < 0.5).Select(line => line.Text));
                Assert.Contains("Mã", topRow, StringComparison.Ordinal);
                Assert.Contains("Giải trình", topRow, StringComparison.Ordinal);
            }
        }

        Assert.Equal(60, lines.Count(line => line.Text.Contains("Tiêu chí thành phần số", StringComparison.Ordinal)));
    }
}
