using CulturalServerless.Reports.Layout;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CulturalServerless.Reports.Rendering;

/// <summary>
/// Draws paginated pages into a PDF: A4 portrait or landscape, the page number from the second page
/// of the document on, the fixed parts (header, closing) where the flow reserved room for them, and
/// the signature slot of the part that holds the signature.
/// </summary>
internal sealed class PageWriter(PdfDocument document, ReportFontCache fonts)
{
    /// <summary>Where the visible signature goes, once the closing has been drawn.</summary>
    public SignatureSlot? SignatureSlot { get; private set; }

    /// <summary>A new document set up as every document we issue is.</summary>
    public static PdfDocument NewDocument(string title, string author)
    {
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Author = author;
        document.Info.Creator = ReportRenderer.Creator;
        document.Options.CompressContentStreams = true;
        // Compression is a fifth of the time to write a report; the fastest level costs ~10% in size.
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        return document;
    }

    /// <param name="pages">One run of the paginator.</param>
    /// <param name="landscape">Whether the run was laid out in <see cref="PageGeometry.LandscapeFrame"/>.</param>
    /// <param name="fixedParts">What each reserved block holds, by name.</param>
    /// <param name="closing">The reserved block holding the signature, and the signature's place inside it.</param>
    public void Write(
        IReadOnlyList<LaidOutPage> pages,
        bool landscape,
        IReadOnlyDictionary<string, FixedLayout> fixedParts,
        (string Name, (double X, double Y, double Width, double Height) Signature)? closing = null)
    {
        var contentWidth = landscape ? PageGeometry.LandscapeContentWidth : PageGeometry.ContentWidth;
        foreach (var page in pages)
        {
            var pdfPage = document.AddPage();
            pdfPage.Size = PageSize.A4;
            if (landscape)
            {
                // Set as dimensions rather than a /Rotate, so that every viewer and text extractor sees the same page.
                pdfPage.Width = XUnit.FromPoint(PageGeometry.PageHeight);
                pdfPage.Height = XUnit.FromPoint(PageGeometry.PageWidth);
            }

            var runs = new JustifiedRuns();
            using (var graphics = XGraphics.FromPdfPage(pdfPage))
            {
                var drawer = new PageDrawer(graphics, fonts, runs, contentWidth);
                drawer.Draw(page);
                if (document.PageCount > 1)
                {
                    drawer.DrawPageNumber(document.PageCount);
                }

                foreach (var reserved in page.Reserved)
                {
                    if (fixedParts.TryGetValue(reserved.Name, out var part))
                    {
                        drawer.Draw(part, reserved.Y);
                    }

                    if (closing is { } c && reserved.Name == c.Name)
                    {
                        SignatureSlot = new SignatureSlot(document.PageCount - 1, new XRect(
                            PageGeometry.MarginLeft + c.Signature.X,
                            PageGeometry.MarginTop + reserved.Y + c.Signature.Y,
                            c.Signature.Width,
                            c.Signature.Height));
                    }
                }
            }

            // The graphics have written the page's content stream on disposal; now widen its justified lines.
            runs.Apply(pdfPage);
        }
    }
}
