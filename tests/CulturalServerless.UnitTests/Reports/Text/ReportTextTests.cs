using CulturalServerless.Reports.Fonts;
using CulturalServerless.Reports.Text;

namespace CulturalServerless.UnitTests.Reports.Text;

public sealed class ReportTextTests
{
    [Fact]
    public void Decomposed_Vietnamese_is_composed()
    {
        var decomposed = "Quảng Ngãi".Normalize(NormalizationForm.FormD);

        Assert.Equal("Quảng Ngãi", ReportText.Paragraph(decomposed));
        Assert.NotEqual(decomposed, ReportText.Paragraph(decomposed));
    }

    [Fact]
    public void Emoji_and_control_characters_become_a_visible_box()
    {
        Assert.Equal("Tốt □ □x", ReportText.Paragraph("Tốt 😀 \u0007x"));
    }

    [Fact]
    public void Invisible_format_characters_are_dropped_not_boxed()
    {
        // A family emoji is three emoji joined by zero-width joiners.
        Assert.Equal("a□□□b", ReportText.Paragraph("a👩\u200D👩\u200D👧b"));
        Assert.Equal("ab", ReportText.Paragraph("a\uFE0F\u200Bb"));
    }

    [Fact]
    public void Paragraph_text_flows_while_line_text_keeps_its_breaks()
    {
        Assert.Equal("a b c", ReportText.Paragraph("a\r\nb\tc"));
        Assert.Equal("a\nb", ReportText.Lines("a\r\nb"));
    }

    [Fact]
    public void Every_Vietnamese_letter_is_in_all_four_faces()
    {
        var letters = "ĂăÂâĐđÊêÔôƠơƯưÀÁÃÈÉÌÍÒÓÕÙÚÝàáãèéìíòóõùúýĨĩŨũ"
            + string.Concat(Enumerable.Range(0x1EA0, 0x1EF9 - 0x1EA0 + 1).Select(c => (char)c));

        Assert.All(letters, letter => Assert.True(ReportFonts.Coverage.Contains(letter), $"U+{(int)letter:X4}"));
        Assert.Equal(letters, ReportText.Paragraph(letters));
    }

    [Fact]
    public void Footnote_markers_and_the_replacement_box_are_drawable()
    {
        Assert.All("¹²³⁴⁵⁶⁷⁸⁹" + ReportText.MissingGlyph, c => Assert.True(ReportFonts.Coverage.Contains(c)));
        Assert.False(ReportFonts.Coverage.Contains('⁰'));
        Assert.False(ReportFonts.Coverage.Contains(0x1F600));
    }

    [Theory]
    [InlineData(1, "¹")]
    [InlineData(9, "⁹")]
    [InlineData(10, "[10]")]
    [InlineData(12, "¹²")]
    [InlineData(105, "[105]")]
    public void Footnote_markers_avoid_the_missing_superscript_zero(int number, string expected)
    {
        var marker = ReportFlow.FootnoteMarker(number);

        Assert.Equal(expected, marker);
        Assert.Equal(marker, ReportText.Paragraph(marker));
    }
}
