using System.Globalization;
using System.Text;
using CulturalServerless.Reports.Fonts;

namespace CulturalServerless.Reports.Text;

/// <summary>
/// Makes any incoming text drawable with the report font. Vietnamese typed on some systems arrives
/// decomposed (NFD) and renders with misplaced marks, so it is composed (NFC) first; characters the
/// font has no glyph for (emoji, private use, stray control characters) are replaced by a visible
/// box instead of vanishing or breaking the PDF.
/// </summary>
public static class ReportText
{
    public const string MissingGlyph = "\u25A1";

    /// <summary>Text for one flowing paragraph: every line break and tab becomes a space.</summary>
    public static string Paragraph(string? text) => Clean(text, keepLineBreaks: false);

    /// <summary>Text whose line breaks are meant (a multi-line title): they survive as '\n'.</summary>
    public static string Lines(string? text) => Clean(text, keepLineBreaks: true);

    private static string Clean(string? text, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        composed = composed.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (IsAlreadyClean(composed))
        {
            return composed;
        }

        var coverage = ReportFonts.Coverage;
        var builder = new StringBuilder(composed.Length);
        foreach (var rune in composed.EnumerateRunes())
        {
            if (rune.Value is '\r' or '\n' or '\t' or '\u2028' or '\u2029')
            {
                builder.Append(keepLineBreaks && rune.Value != '\t' ? '\n' : ' ');
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category == UnicodeCategory.Format || IsVariationSelector(rune.Value))
            {
                // Zero-width joiners, variation selectors of emoji, direction marks: invisible by
                // design, so dropping them loses nothing and avoids a row of boxes.
                continue;
            }

            if (category == UnicodeCategory.Control || !coverage.Contains(rune.Value))
            {
                builder.Append(MissingGlyph);
                continue;
            }

            builder.Append(rune);
        }

        return builder.ToString();
    }

    private static bool IsVariationSelector(int codePoint) =>
        codePoint is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

    // The common case (plain Vietnamese prose) allocates nothing.
    private static bool IsAlreadyClean(string text)
    {
        var coverage = ReportFonts.Coverage;
        foreach (var c in text)
        {
            if (char.IsSurrogate(c) || char.IsControl(c) || !coverage.Contains(c)
                || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format || IsVariationSelector(c))
            {
                return false;
            }
        }

        return true;
    }
}
