using CulturalServerless.Reports.Signing;
using CulturalServerless.UnitTests.Reports.Fixtures;
using CulturalServerless.UnitTests.Reports.Signing;

namespace CulturalServerless.UnitTests.Reports.Rendering;

/// <summary>Whatever users type must render: inside the margins, visibly, and signable.</summary>
public sealed class HostileTextTests
{
    private const double Millimetre = PdfTextLines.Millimetre;

    private static readonly string LongNarrative = string.Join(' ', Enumerable.Repeat(
        "Cán bộ, công chức, viên chức và người lao động thực hiện nghiêm nội quy, quy chế làm việc.", 300));

    // Justified lines without a single Vietnamese letter: still drawn as glyph runs and widened.
    private static readonly string AsciiNarrative = string.Join(' ', Enumerable.Repeat(
        "Plain ASCII words only, so that whole justified lines carry no Vietnamese letter at all.", 20));

    private static OfficialReport Hostile() => SeedReport.Build() with
    {
        IssuingBody = "VĂN PHÒNG 😀 \u0000 " + string.Concat(Enumerable.Repeat("RẤT DÀI ", 12)),
        Title = SeedReport.Title + " 🎉",
        GeneralSituation =
        [
            LongNarrative,
            AsciiNarrative,
            "Emoji 😀👩\u200D👩\u200D👧 and controls \u0001\u0007\u001B end",
            new string('Ạ', 5000),
        ],
        Recipients = [.. SeedReport.Recipients, "Người nhận 😀 " + new string('x', 300)],
        Annex = [.. SeedReport.Annex, new AnnexRow("9.9", "Giải trình dài", 1, 1, 1, new string('Ạ', 3000))],
    };

    [Fact]
    public void Hostile_text_renders_inside_the_margins_with_visible_replacements()
    {
        var pdf = new ReportRenderer().Render(Hostile());
        var lines = PdfTextLines.Read(pdf);
        var all = string.Concat(lines.Select(line => line.Text));

        Assert.All(lines, line =>
        {
            Assert.True(line.Left >= (30 * Millimetre) - 0.5, $"'{line.Text}' starts in the left margin");
            Assert.True(line.Right <= line.PageWidth - (15 * Millimetre) + 0.5, $"'{line.Text}' runs into the right margin");
        });
        Assert.Contains("Emoji □□□□ and controls □□□ end", PdfTextLines.Flow(lines), StringComparison.Ordinal);
        Assert.Equal(8000, all.Count(c => c == 'Ạ'));
        Assert.Contains("VĂN PHÒNG □ □ RẤT DÀI", all, StringComparison.Ordinal);
        Assert.Contains(LongNarrative, PdfTextLines.Flow(lines), StringComparison.Ordinal);
        Assert.Contains(AsciiNarrative, PdfTextLines.Flow(lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_text_is_signed_and_verifies()
    {
        var pki = DevelopmentPki.Shared;
        using var certificate = pki.Issue("Người ký 😀", "Cơ quan \u0007");
        using var composed = new ReportRenderer().Compose(Hostile());

        var pdf = await pki.Signer(new FixedCertificateSource(certificate)).SignAsync(composed);

        var result = pki.Verifier().Verify(pdf);
        Assert.True(result.IsValid, result.Problem);
    }
}
