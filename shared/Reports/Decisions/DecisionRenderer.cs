using CulturalServerless.Reports.Fonts;
using CulturalServerless.Reports.Layout;
using CulturalServerless.Reports.Rendering;
using CulturalServerless.Reports.Signing;
using CulturalServerless.Reports.Text;

namespace CulturalServerless.Reports.Decisions;

/// <summary>
/// Renders a <see cref="RecognitionDecision"/> as a PDF in the Decree 30/2020 layout with the
/// report's engine: the decision on portrait pages, then its annex (landscape unless asked
/// otherwise) with the table header repeated on every page. The result is signed as a report is,
/// by <see cref="ReportSigner.SignReportAsync"/>. Stateless and safe to share between threads.
/// </summary>
public sealed class DecisionRenderer
{
    public DecisionRenderer() => ReportFonts.EnsureRegistered();

    public ComposedDocument Compose(RecognitionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var fonts = new ReportFontCache();
        using var measurer = new PdfTextMeasurer(fonts);
        var breaker = new LineBreaker(measurer);
        var header = HeaderLayout.Compose(
            new DocumentHead(decision.ParentBody, decision.IssuingBody, decision.Number, decision.PlaceAndDate, HeaderLayout.DecisionType, decision.Title),
            breaker,
            measurer);
        var (closing, signature) = ClosingLayout.Compose(decision.Recipients, decision.Signatory, breaker, measurer);
        var body = new Paginator(measurer, PageGeometry.Frame)
            .Paginate(DecisionFlow.Body(decision, header.Height, closing.Height));

        var title = ReportText.Paragraph($"{HeaderLayout.DecisionType} {ReportText.Paragraph(decision.Title)}");
        var document = PageWriter.NewDocument(title, ReportText.Paragraph(decision.Organisation));
        var writer = new PageWriter(document, fonts);
        writer.Write(
            body,
            landscape: false,
            new Dictionary<string, FixedLayout> { [DecisionFlow.HeaderSlot] = header, [DecisionFlow.ClosingSlot] = closing },
            (DecisionFlow.ClosingSlot, signature));

        if (decision.Annex.Count > 0)
        {
            var landscape = decision.AnnexLandscape;
            var frame = landscape ? PageGeometry.LandscapeFrame : PageGeometry.Frame;
            var annex = new Paginator(measurer, frame).Paginate(DecisionFlow.Annex(decision, frame.Width));
            writer.Write(annex, landscape, new Dictionary<string, FixedLayout>());
        }

        // The body always ends with the closing block, so the slot exists.
        return new ComposedDocument(
            document, writer.SignatureSlot!, decision.Organisation, decision.PlaceAndDate.Place, ReportSigner.DecisionReason);
    }

    /// <summary>The decision as an unsigned PDF (drafts, previews).</summary>
    public byte[] Render(RecognitionDecision decision)
    {
        using var composed = Compose(decision);
        return composed.SaveUnsigned();
    }
}
