using CulturalServerless.Reports.Decisions;
using CulturalServerless.UnitTests.Reports.Fixtures;
using CulturalServerless.UnitTests.Reports.Rendering;
using CulturalServerless.UnitTests.Reports.Signing;

namespace CulturalServerless.UnitTests.Reports.Decisions;

/// <summary>The recognition decision as a reader of the PDF sees it: Decree 30's decision layout, and the annex list.</summary>
public sealed class DecisionRendererTests
{
    private const double Millimetre = PdfTextLines.Millimetre;
    private static readonly Lazy<IReadOnlyList<PdfTextLine>> SmallLines =
        new(() => PdfTextLines.Read(new DecisionRenderer().Render(SampleDecision.Build())));

    private static readonly Lazy<(byte[] Pdf, IReadOnlyList<PdfTextLine> Lines)> Large = new(() =>
    {
        var pdf = new DecisionRenderer().Render(SampleDecision.Build(600));
        return (pdf, PdfTextLines.Read(pdf));
    });

    private static IReadOnlyList<PdfTextLine> Lines => SmallLines.Value;

    private static PdfTextLine Line(string text) => Assert.Single(Lines, line => line.Text == text);

    [Fact]
    public void The_header_names_the_body_the_number_the_nation_and_the_date()
    {
        var parent = Line("TỔNG LĐLĐ VIỆT NAM");
        // The body's name wraps in the left column, as the federation's own letterheads do.
        var issuer = Line("LIÊN ĐOÀN LAO ĐỘNG TỈNH");
        var issuerEnd = Line("QUẢNG NGÃI");
        var number = Line("Số: 12/QĐ-LĐLĐ");
        var nation = Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        var date = Line("Quảng Ngãi, ngày 08 tháng 01 năm 2026");
        var type = Line("QUYẾT ĐỊNH");

        Assert.All(new[] { parent, issuer, number, nation, date, type }, line => Assert.Equal(1, line.Page));
        Assert.True(parent.FromTop < issuer.FromTop && issuer.FromTop < issuerEnd.FromTop && issuerEnd.FromTop < number.FromTop);
        Assert.Equal(issuer.Centre, issuerEnd.Centre, 1.0);
        Assert.True(issuer.Right < nation.Left);
        Assert.Equal(number.FromTop, date.FromTop, 0.5);
        Assert.True(type.FromTop > date.FromTop);
    }

    [Fact]
    public void The_body_reads_title_authority_grounds_decides_and_articles_in_order()
    {
        var decision = SampleDecision.Build();
        var flow = PdfTextLines.Flow(Lines.Where(line => line.Page <= 2));
        string[] expected =
        [
            "QUYẾT ĐỊNH", SampleDecision.Title, decision.Authority, .. decision.LegalBases, "QUYẾT ĐỊNH:", .. decision.Articles,
            "Nơi nhận:", "CHỦ TỊCH", "Nguyễn Văn An", "DANH SÁCH",
        ];

        var at = 0;
        foreach (var text in expected)
        {
            var found = flow.IndexOf(text, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{text}' is missing after position {at} of: {flow}");
            at = found + text.Length;
        }

        Assert.Contains("(có danh sách kèm theo)", flow, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signer_stands_right_under_the_authority_prefix_and_the_recipients_left()
    {
        var label = Line("Nơi nhận:");
        var prefix = Line("TM. BAN THƯỜNG VỤ");
        var title = Line("CHỦ TỊCH");
        var name = Line("Nguyễn Văn An");

        Assert.True(label.Centre < label.PageWidth / 2 && prefix.Centre > label.PageWidth / 2);
        Assert.Equal(prefix.Centre, title.Centre, 1.0);
        Assert.Equal(title.Centre, name.Centre, 1.0);
        Assert.True(prefix.FromTop < title.FromTop && name.FromTop - title.FromTop > 60);
        Assert.Contains(Lines, line => line.Text == "- Như Điều 3;");
        Assert.Contains(Lines, line => line.Text == "- Lưu: VT.");
    }

    [Fact]
    public void The_annex_lists_every_agency_on_landscape_pages_after_the_decision()
    {
        var heading = Line("DANH SÁCH");
        var attached = Line("(Kèm theo Quyết định số 12/QĐ-LĐLĐ ngày 08/01/2026 của Ban Thường vụ Liên đoàn Lao động tỉnh Quảng Ngãi)");
        var signer = Line("Nguyễn Văn An");

        Assert.True(heading.Page > signer.Page);
        Assert.Equal(heading.Page, attached.Page);
        Assert.True(heading.PageWidth > 800, $"The annex page is {heading.PageWidth} pt wide, not landscape A4.");
        Assert.True(Line("QUYẾT ĐỊNH").PageWidth < 600);
        var row = Assert.Single(Lines, line => line.Text.StartsWith("Văn phòng cơ quan số 2", StringComparison.Ordinal));
        var onRow = Lines.Where(line => line.Page == row.Page && Math.Abs(line.FromTop - row.FromTop) < 0.5).Select(line => line.Text).ToList();
        Assert.Equal(["2", "Văn phòng cơ quan số 2", "Phường Cẩm Thành", "92", "Công nhận lần đầu", "2024–2025"], onRow);
    }

    [Fact]
    public void Six_hundred_agencies_fill_a_bounded_number_of_pages_with_the_header_on_each()
    {
        var (pdf, lines) = Large.Value;
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var annexStart = Assert.Single(lines, line => line.Text == "DANH SÁCH").Page;
        var pages = document.NumberOfPages;

        // About 24 one-line rows a landscape page; the wrapped names take two lines.
        Assert.InRange(pages - annexStart + 1, 22, 32);
        for (var page = annexStart; page <= pages; page++)
        {
            var onPage = lines.Where(line => line.Page == page && line.FromTop > 20 * Millimetre).ToList();
            var top = onPage.Where(line => page > annexStart || line.FromTop > lines.Single(l => l.Text.StartsWith("(Kèm theo", StringComparison.Ordinal)).FromTop).Min(line => line.FromTop);
            var headerRow = onPage.Where(line => Math.Abs(line.FromTop - top) < 0.5).Select(line => line.Text).ToList();
            Assert.Contains("STT", headerRow);
            Assert.Contains("Cơ quan/đơn vị", headerRow);
            Assert.Contains("Điểm thẩm", string.Join(' ', headerRow), StringComparison.Ordinal);
            Assert.Equal(page.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(lines, line => line.Page == page && line.FromTop < 20 * Millimetre).Text);
        }

        Assert.Equal(600, lines.Count(line => line.Text.StartsWith("Văn phòng cơ quan số ", StringComparison.Ordinal) || line.Text.StartsWith("Trung tâm Phục vụ", StringComparison.Ordinal)));
        Assert.Contains(lines, line => line.Text == "600" && line.Page == pages);
    }

    [Fact]
    public async Task A_signed_decision_verifies_like_a_report()
    {
        using var certificates = DevelopmentPki.Shared.SigningCertificate();
        using var composed = new DecisionRenderer().Compose(SampleDecision.Build(40));
        var signed = await DevelopmentPki.Shared.Signer(certificates)
            .SignReportAsync(composed, CulturalServerless.Reports.Signing.SigningIssuer.Committee("51"));

        var result = DevelopmentPki.Shared.Verifier().Verify(signed.Pdf);

        Assert.True(result.IsValid, string.Join(" | ", result.Problems));
        Assert.Equal(signed.CertificateThumbprint, result.CertificateThumbprint);
    }

    [PdfsigFact]
    public async Task Pdfsig_reports_a_signed_decision_valid()
    {
        using var certificates = DevelopmentPki.Shared.SigningCertificate();
        using var composed = new DecisionRenderer().Compose(SampleDecision.Build(40));
        var pdf = await DevelopmentPki.Shared.Signer(certificates).SignAsync(composed);

        var output = Pdfsig.Check(pdf);

        Assert.True(output.Contains("Signature is Valid", StringComparison.Ordinal), output);
        Assert.True(output.Contains("ETSI.CAdES.detached", StringComparison.Ordinal), output);
    }
}
