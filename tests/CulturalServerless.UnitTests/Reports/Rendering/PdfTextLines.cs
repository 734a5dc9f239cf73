using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace CulturalServerless.UnitTests.Reports.Rendering;

/// <summary>A run of text on one baseline, as a reader of the PDF sees it (points, from the page top).</summary>
internal sealed record PdfTextLine(int Page, string Text, double Left, double Right, double FromTop, double Size, double PageWidth)
{
    public double Centre => (Left + Right) / 2;
}

/// <summary>
/// Reads a rendered PDF back with PdfPig: the bytes are not deterministic (font subset tags, ids),
/// so the tests look at the text and where it stands.
/// </summary>
internal static partial class PdfTextLines
{
    public const double Millimetre = 72 / 25.4;

    public static IReadOnlyList<PdfTextLine> Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var lines = new List<PdfTextLine>();
        foreach (var page in document.GetPages())
        {
            var rows = page.Letters
                .Where(letter => letter.Value.Length > 0)
                .GroupBy(letter => Math.Round(letter.StartBaseLine.Y * 2) / 2)
                .OrderByDescending(row => row.Key);
            foreach (var row in rows)
            {
                lines.AddRange(Segments(row.OrderBy(letter => letter.StartBaseLine.X).ToList(), page));
            }
        }

        return lines;
    }

    /// <summary>The running text of the body: no page numbers (top margin), no footnotes (small type).</summary>
    public static string Flow(IEnumerable<PdfTextLine> lines) =>
        Collapse(string.Join(' ', lines.Where(line => line.FromTop > 20 * Millimetre && line.Size > 10.5).Select(line => line.Text)));

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    // Two columns on one baseline (the number and the date in the header) are two lines.
    private static IEnumerable<PdfTextLine> Segments(List<Letter> letters, Page page)
    {
        var start = 0;
        for (var i = 1; i <= letters.Count; i++)
        {
            var split = i == letters.Count
                || letters[i].StartBaseLine.X - letters[i - 1].EndBaseLine.X > 1.2 * letters[i].PointSize;
            if (!split)
            {
                continue;
            }

            var run = letters.GetRange(start, i - start);
            var text = new StringBuilder();
            foreach (var letter in run)
            {
                text.Append(letter.Value);
            }

            var visible = run.Where(letter => !string.IsNullOrWhiteSpace(letter.Value)).ToList();
            if (visible.Count > 0)
            {
                yield return new PdfTextLine(
                    page.Number,
                    Collapse(text.ToString()),
                    visible.Min(letter => letter.StartBaseLine.X),
                    visible.Max(letter => letter.EndBaseLine.X),
                    page.Height - run[0].StartBaseLine.Y,
                    run.Max(letter => letter.PointSize),
                    page.Width);
            }

            start = i;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
