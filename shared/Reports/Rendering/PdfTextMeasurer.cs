using System.Collections.Concurrent;
using CulturalServerless.Reports.Layout;
using PdfSharp.Drawing;

namespace CulturalServerless.Reports.Rendering;

/// <summary>
/// Measures with PDFsharp itself, so what the layout computes is what the page shows. Vietnamese
/// prose repeats a small set of syllables, so word widths are cached for the whole process (they
/// depend on the embedded font only); the cache stops growing at a fixed size so that arbitrary
/// user text cannot fill memory.
/// </summary>
internal sealed class PdfTextMeasurer(ReportFontCache fonts) : ITextMeasurer, IDisposable
{
    private const int MaxCachedWidths = 50_000;
    private static readonly ConcurrentDictionary<(string Text, TextStyle Style), double> Widths = new();

    private readonly XGraphics _context = XGraphics.CreateMeasureContext(
        new XSize(PageGeometry.PageWidth, PageGeometry.PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);

    public double Width(string text, TextStyle style)
    {
        if (Widths.TryGetValue((text, style), out var width))
        {
            return width;
        }

        width = _context.MeasureString(text, fonts[style]).Width;
        if (Widths.Count < MaxCachedWidths)
        {
            Widths.TryAdd((text, style), width);
        }

        return width;
    }

    public double LineHeight(TextStyle style) => fonts[style].GetHeight();

    public void Dispose() => _context.Dispose();
}
