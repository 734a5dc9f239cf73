using System.Globalization;
using CulturalServerless.Calendar;
using CulturalServerless.Reports.Fonts;
using CulturalServerless.Reports.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// The visible part of the signature, drawn in the signature block: who signed for which
/// organisation and when (ISO 8601 with the Vietnam offset, as Decree 30 asks for electronic
/// signatures), in blue inside a thin frame.
/// </summary>
internal sealed class SignatureStampAppearance(string organisation, string signer, DateTimeOffset signingTime)
    : IAnnotationAppearanceHandler
{
    public const double FontSize = 9;

    public static string FormatTime(DateTimeOffset time) =>
        VietnamCalendar.ToLocal(time).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public IReadOnlyList<string> Lines =>
    [
        $"Ký bởi: {ReportText.Paragraph(signer)}",
        $"Cơ quan: {ReportText.Paragraph(organisation)}",
        $"Thời gian ký: {FormatTime(signingTime)}",
    ];

    // PDFsharp calls this with graphics whose origin is the widget's own corner, not the page's.
    public void DrawAppearance(XGraphics gfx, XRect rect)
    {
        var colour = XColor.FromArgb(0, 51, 153);
        gfx.DrawRectangle(new XPen(colour, 0.8), 0.5, 0.5, rect.Width - 1, rect.Height - 1);
        var font = new XFont(ReportFonts.FamilyName, FontSize, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var brush = new XSolidBrush(colour);
        var lineHeight = font.GetHeight();
        var y = Math.Max(2, (rect.Height - (Lines.Count * lineHeight)) / 2);
        foreach (var line in Lines)
        {
            gfx.DrawString(FitWidth(gfx, line, font, rect.Width - 8), font, brush, 4, y, XStringFormats.TopLeft);
            y += lineHeight;
        }
    }

    // A long organisation name is shortened with an ellipsis rather than drawn past the frame.
    private static string FitWidth(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var length = text.Length;
        while (length > 1 && gfx.MeasureString(text[..length] + "…", font).Width > width)
        {
            length--;
        }

        return text[..length] + "…";
    }
}
