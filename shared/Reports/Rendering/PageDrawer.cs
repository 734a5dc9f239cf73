using System.Globalization;
using CulturalServerless.Reports.Layout;
using PdfSharp.Drawing;

namespace CulturalServerless.Reports.Rendering;

/// <summary>
/// Draws laid-out lines, table cells, footnotes and page numbers onto one PDF page. Every string
/// goes through <see cref="DrawString"/> or a justified line, and tells <paramref name="runs"/> how
/// to finish it.
/// </summary>
internal sealed class PageDrawer(XGraphics graphics, ReportFontCache fonts, JustifiedRuns runs, double contentWidth = PageGeometry.ContentWidth)
{
    private static readonly XPen RulePen = new(XColors.Black, 0.6);
    private static readonly XPen CellPen = new(XColors.Black, 0.5);

    public void Draw(LaidOutPage page)
    {
        foreach (var box in page.Boxes)
        {
            graphics.DrawRectangle(CellPen, PageGeometry.MarginLeft + box.X, PageGeometry.MarginTop + box.Y, box.Width, box.Height);
        }

        foreach (var line in page.Lines)
        {
            Draw(line, 0);
        }

        if (page.FootnoteRuleY is { } ruleY)
        {
            // The short separator rule of word processors: a third of the text width.
            var y = PageGeometry.MarginTop + ruleY;
            graphics.DrawLine(RulePen, PageGeometry.MarginLeft, y, PageGeometry.MarginLeft + (contentWidth / 3), y);
        }

        foreach (var line in page.FootnoteLines)
        {
            Draw(line, 0);
        }
    }

    public void Draw(FixedLayout layout, double top)
    {
        foreach (var line in layout.Lines)
        {
            Draw(line, top);
        }

        foreach (var rule in layout.Rules)
        {
            var y = PageGeometry.MarginTop + top + rule.Y;
            graphics.DrawLine(RulePen, PageGeometry.MarginLeft + rule.X1, y, PageGeometry.MarginLeft + rule.X2, y);
        }
    }

    /// <summary>Decree 30: centred in the top margin, from the second page on.</summary>
    public void DrawPageNumber(int number)
    {
        var font = fonts[ReportTypography.PageNumber];
        var text = number.ToString(CultureInfo.InvariantCulture);
        var width = graphics.MeasureString(text, font).Width;
        var top = (PageGeometry.MarginTop - font.GetHeight()) / 2;
        DrawString(text, font, PageGeometry.MarginLeft + ((contentWidth - width) / 2), top);
    }

    private void Draw(PlacedLine placed, double top)
    {
        var words = placed.Line.Words;
        if (words.Count == 0)
        {
            return;
        }

        var font = fonts[placed.Style];
        var offsets = placed.WordOffsets();
        var x = PageGeometry.MarginLeft + placed.X;
        var y = PageGeometry.MarginTop + top + placed.Y;
        var stretched = placed.Alignment == TextAlignment.Justify && !placed.Line.EndsParagraph && words.Count > 1;
        if (!stretched)
        {
            DrawString(placed.Line.Text, font, x + offsets[0], y);
            return;
        }

        // Drawn whole with single spaces; the run is then widened to the offsets the layout chose.
        graphics.DrawString(placed.Line.Text, font, XBrushes.Black, x + offsets[0], y, XStringFormats.TopLeft);
        runs.Justified(words, offsets[1] - offsets[0] - placed.Line.WordWidths[0] - placed.Line.SpaceWidth, font.Size);
    }

    private void DrawString(string text, XFont font, double x, double y)
    {
        graphics.DrawString(text, font, XBrushes.Black, x, y, XStringFormats.TopLeft);
        runs.Plain();
    }
}
