using CulturalServerless.Reports.Fonts;
using CulturalServerless.Reports.Layout;
using CulturalServerless.Reports.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CulturalServerless.Reports.Rendering;

/// <summary>
/// Renders an <see cref="OfficialReport"/> as a PDF in the Decree 30/2020 layout. Stateless and safe
/// to share between threads: every call builds its own fonts, measurer and document.
/// </summary>
public sealed class ReportRenderer
{
    public const string Creator = "CulturalServerless";

    public ReportRenderer() => ReportFonts.EnsureRegistered();

    /// <summary>Lays out and draws the report; the caller saves or signs the result.</summary>
    public ComposedReport Compose(OfficialReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var fonts = new ReportFontCache();
        using var measurer = new PdfTextMeasurer(fonts);
        var breaker = new LineBreaker(measurer);
        var header = HeaderLayout.Compose(report, breaker, measurer);
        var (closing, signature) = ClosingLayout.Compose(report, breaker, measurer);
        var pages = new Paginator(measurer, PageGeometry.Frame)
            .Paginate(ReportFlow.Build(report, header.Height, closing.Height));

        var document = new PdfDocument();
        document.Info.Title = ReportText.Paragraph(report.Title);
        document.Info.Author = ReportText.Paragraph(report.Organisation);
        document.Info.Creator = Creator;
        document.Options.CompressContentStreams = true;
        // Compression is a fifth of the time to write a report; the fastest level costs ~10% in size.
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;

        SignatureSlot? slot = null;
        foreach (var page in pages)
        {
            var pdfPage = document.AddPage();
            pdfPage.Size = PageSize.A4;
            using var graphics = XGraphics.FromPdfPage(pdfPage);
            var drawer = new PageDrawer(graphics, fonts);
            drawer.Draw(page);
            if (page.Index > 0)
            {
                drawer.DrawPageNumber(page.Index + 1);
            }

            foreach (var reserved in page.Reserved)
            {
                if (reserved.Name == ReportFlow.HeaderSlot)
                {
                    drawer.Draw(header, reserved.Y);
                }
                else if (reserved.Name == ReportFlow.ClosingSlot)
                {
                    drawer.Draw(closing, reserved.Y);
                    slot = new SignatureSlot(page.Index, new XRect(
                        PageGeometry.MarginLeft + signature.X,
                        PageGeometry.MarginTop + reserved.Y + signature.Y,
                        signature.Width,
                        signature.Height));
                }
            }
        }

        // The flow always ends section IV with the closing block, so the slot exists.
        return new ComposedReport(document, slot!, report);
    }

    /// <summary>The report as an unsigned PDF (drafts, previews).</summary>
    public byte[] Render(OfficialReport report)
    {
        using var composed = Compose(report);
        return composed.SaveUnsigned();
    }
}
