using System.Globalization;
using CulturalServerless.Reports.Layout;
using CulturalServerless.Reports.Text;

namespace CulturalServerless.Reports.Rendering;

/// <summary>
/// The foot of a report or decision: "Nơi nhận:" with one "- …;" line per recipient on the left, and the
/// signature block on the right with room between title and name for the signature stamp.
/// </summary>
internal static class ClosingLayout
{
    public const string RecipientsLabel = "Nơi nhận:";

    /// <summary>Room for the visible signature between the signer's title and name.</summary>
    public const double SignatureHeight = 70;

    public const double SignatureWidth = 220;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The layout and the signature slot, relative to the layout's top-left corner.</summary>
    public static (FixedLayout Layout, (double X, double Y, double Width, double Height) Signature) Compose(
        OfficialReport report, LineBreaker breaker, ITextMeasurer measurer) =>
        Compose(report.Recipients, report.Signatory, breaker, measurer);

    public static (FixedLayout Layout, (double X, double Y, double Width, double Height) Signature) Compose(
        IReadOnlyList<string> recipients, ReportSignatory signatory, LineBreaker breaker, ITextMeasurer measurer)
    {
        var layout = new FixedLayout();
        var width = PageGeometry.ContentWidth;
        var left = new ColumnWriter(layout, breaker, measurer, 0, width * 0.45);
        var right = new ColumnWriter(layout, breaker, measurer, width * 0.45, width * 0.55);

        if (recipients.Count > 0)
        {
            // The label sits a little lower than the signer's title in the decree's sample.
            left.Y = 2;
            left.Write(RecipientsLabel, ReportTypography.RecipientsLabel, TextAlignment.Left);
            for (var i = 0; i < recipients.Count; i++)
            {
                var end = i == recipients.Count - 1 ? "." : ";";
                var recipient = ReportText.Paragraph(recipients[i]).Trim().TrimEnd(';', '.');
                left.Write($"- {recipient}{end}", ReportTypography.Recipient, TextAlignment.Left);
            }
        }

        var prefix = ReportText.Paragraph(signatory.AuthorityPrefix);
        if (prefix.Length > 0)
        {
            right.Write(prefix.ToUpper(Vietnamese), ReportTypography.SignerTitle);
        }

        right.Write(ReportText.Paragraph(signatory.Title).ToUpper(Vietnamese), ReportTypography.SignerTitle);
        var slotWidth = Math.Min(SignatureWidth, right.Width);
        var signature = (right.X + ((right.Width - slotWidth) / 2), right.Y + 4, slotWidth, SignatureHeight - 8);
        right.Y += SignatureHeight;
        right.Write(ReportText.Paragraph(signatory.Name), ReportTypography.SignerName);

        layout.Height = Math.Max(left.Y, right.Y);
        return (layout, signature);
    }
}
