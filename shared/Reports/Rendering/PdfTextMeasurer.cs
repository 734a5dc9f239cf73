using CulturalServerless.Reports.Layout;
using PdfSharp.Drawing;

namespace CulturalServerless.Reports.Rendering;

/// <summary>
/// Measures with PDFsharp itself, so what the layout computes is what the page shows. Vietnamese
/// prose repeats a small set of syllables, so caching widths by word saves most of the work.
/// </summary>
internal sealed class PdfTextMeasurer(ReportFontCache fonts) : ITextMeasurer, IDisposable
{
    private readonly XGraphics _context = XGraphics.CreateMeasureContext(
        new XSize(PageGeometry.PageWidth, PageGeometry.PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);

    private readonly Dictionary<(string Text, TextStyle Style), double> _widths = [];

    public double Width(string text, TextStyle style)
    {
        if (!_widths.TryGetValue((text, style), out var width))
        {
            width = _context.MeasureString(text, fonts[style]).Width;
            _widths[(text, style)] = width;
        }

        return width;
    }

    public double LineHeight(TextStyle style) => fonts[style].GetHeight();

    public void Dispose() => _context.Dispose();
}
