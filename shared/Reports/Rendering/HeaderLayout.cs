using System.Globalization;
using CulturalServerless.Reports.Layout;
using CulturalServerless.Reports.Text;

namespace CulturalServerless.Reports.Rendering;

/// <summary>
/// The top of page 1 as Decree 30/2020 Appendix I draws it: issuing body and number on the left,
/// national title, motto and place/date on the right, then the document type and its title.
/// </summary>
internal static class HeaderLayout
{
    public const string NationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";
    public const string DocumentType = "BÁO CÁO";
    public const string DecisionType = "QUYẾT ĐỊNH";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static FixedLayout Compose(OfficialReport report, LineBreaker breaker, ITextMeasurer measurer) =>
        Compose(new DocumentHead(report.ParentBody, report.IssuingBody, report.Number, report.PlaceAndDate, DocumentType, report.Title), breaker, measurer);

    public static FixedLayout Compose(DocumentHead report, LineBreaker breaker, ITextMeasurer measurer)
    {
        var layout = new FixedLayout();
        var width = PageGeometry.ContentWidth;

        // The right column must hold the national title on one line; the left gets the rest.
        var rightWidth = Math.Max(
            width * 0.58,
            measurer.Width(NationalTitle, ReportTypography.NationalTitle) + 8);
        var left = new ColumnWriter(layout, breaker, measurer, 0, width - rightWidth);
        var right = new ColumnWriter(layout, breaker, measurer, width - rightWidth, rightWidth);

        var parentBody = ReportText.Paragraph(report.ParentBody);
        if (parentBody.Length > 0)
        {
            left.Write(parentBody.ToUpper(Vietnamese), ReportTypography.ParentBody);
        }

        var issuerWidth = left.Write(ReportText.Paragraph(report.IssuingBody).ToUpper(Vietnamese), ReportTypography.IssuingBody);
        left.RuleUnder(Math.Clamp(issuerWidth * 0.4, 30, left.Width));

        right.Write(NationalTitle, ReportTypography.NationalTitle);
        var mottoWidth = right.Write(Motto, ReportTypography.Motto);
        right.RuleUnder(mottoWidth);

        // The number and the place/date share a baseline, below whichever column is longer.
        var numberTop = Math.Max(left.Y, right.Y) + 6;
        left.Y = right.Y = numberTop;
        left.Write(ReportText.Paragraph(report.Number.ToString()), ReportTypography.DocumentNumber);
        right.Write(ReportText.Paragraph(report.PlaceAndDate.ToString()), ReportTypography.PlaceAndDate);

        var body = new ColumnWriter(layout, breaker, measurer, 0, width) { Y = Math.Max(left.Y, right.Y) + 20 };
        body.Write(report.DocumentType, ReportTypography.DocumentType);
        var titleWidth = body.Write(ReportText.Lines(report.Title), ReportTypography.Title);
        body.RuleUnder(Math.Clamp(titleWidth * 0.35, 40, width), gap: 3);

        layout.Height = body.Y + 6;
        return layout;
    }
}

/// <summary>What the Decree 30 header prints, whatever the document type.</summary>
internal sealed record DocumentHead(
    string ParentBody, string IssuingBody, DocumentNumber Number, IssuePlaceAndDate PlaceAndDate, string DocumentType, string Title);
