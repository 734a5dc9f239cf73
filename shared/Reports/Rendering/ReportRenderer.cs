using CulturalServerless.Reports.Fonts;
using CulturalServerless.Reports.Layout;
using CulturalServerless.Reports.Text;

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
    public ComposedDocument Compose(OfficialReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var fonts = new ReportFontCache();
        using var measurer = new PdfTextMeasurer(fonts);
        var breaker = new LineBreaker(measurer);
        var header = HeaderLayout.Compose(report, breaker, measurer);
        var (closing, signature) = ClosingLayout.Compose(report, breaker, measurer);
        var pages = new Paginator(measurer, PageGeometry.Frame)
            .Paginate(ReportFlow.Build(report, header.Height, closing.Height));

        var document = PageWriter.NewDocument(ReportText.Paragraph(report.Title), ReportText.Paragraph(report.Organisation));
        var writer = new PageWriter(document, fonts);
        writer.Write(
            pages,
            landscape: false,
            new Dictionary<string, FixedLayout> { [ReportFlow.HeaderSlot] = header, [ReportFlow.ClosingSlot] = closing },
            (ReportFlow.ClosingSlot, signature));

        // The flow always ends section IV with the closing block, so the slot exists.
        return new ComposedDocument(document, writer.SignatureSlot!, report.Organisation, report.PlaceAndDate.Place, Signing.ReportSigner.Reason);
    }

    /// <summary>The report as an unsigned PDF (drafts, previews).</summary>
    public byte[] Render(OfficialReport report)
    {
        using var composed = Compose(report);
        return composed.SaveUnsigned();
    }
}
