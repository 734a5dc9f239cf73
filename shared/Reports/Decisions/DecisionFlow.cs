using System.Globalization;
using CulturalServerless.Reports.Layout;
using CulturalServerless.Reports.Rendering;
using CulturalServerless.Reports.Text;

namespace CulturalServerless.Reports.Decisions;

/// <summary>
/// The flow of a recognition decision (Decree 30/2020 Appendix III, an individual decision): the
/// header, the authority, the "Căn cứ …" lines, "QUYẾT ĐỊNH:", the articles, then the recipients and
/// signature; and, in a run of its own, the annex "DANH SÁCH" table.
/// </summary>
internal static class DecisionFlow
{
    public const string HeaderSlot = "header";
    public const string ClosingSlot = "closing";
    public const string Decides = "QUYẾT ĐỊNH:";
    public const string AnnexHeading = "DANH SÁCH";

    public static readonly IReadOnlyList<string> AnnexColumns =
        ["STT", "Cơ quan/đơn vị", "Địa bàn", "Điểm thẩm định", "Hình thức công nhận", "Giai đoạn"];

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    // Shares of the table width: the agency's name takes most, the points and STT the least.
    private static readonly double[] ColumnShares = [0.06, 0.36, 0.16, 0.11, 0.19, 0.12];

    public static List<LayoutBlock> Body(RecognitionDecision decision, double headerHeight, double closingHeight)
    {
        var blocks = new List<LayoutBlock>
        {
            new ReservedBlock(HeaderSlot, headerHeight),
            Centred(decision.Authority.ToUpper(Vietnamese), ReportTypography.Heading) with
            {
                SpaceBefore = 6, SpaceAfter = 12, KeepWithNext = true,
            },
        };

        // Decree 30 sets the grounds in italic; their punctuation ("…;", the last "….") is the data's.
        blocks.AddRange(decision.LegalBases.Select(Clean).Where(text => text.Length > 0).Select(text =>
            Paragraph(text, ReportTypography.LegalBasis)));

        blocks.Add(Centred(Decides, ReportTypography.Heading) with { SpaceBefore = 12, SpaceAfter = 12, KeepWithNext = true });
        blocks.AddRange(decision.Articles.Select(Clean).Where(text => text.Length > 0).Select(text =>
            Paragraph(text, ReportTypography.Body)));

        blocks.Add(new ReservedBlock(ClosingSlot, closingHeight) { SpaceBefore = 12 });
        return blocks;
    }

    public static List<LayoutBlock> Annex(RecognitionDecision decision, double width)
    {
        var date = decision.PlaceAndDate.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var issuedBy = Clean(decision.AnnexIssuedBy);
        var attached = $"(Kèm theo Quyết định số {Clean(decision.Number.Reference)} ngày {date}{(issuedBy.Length > 0 ? " của " + issuedBy : string.Empty)})";

        var widths = ColumnShares.Select(share => Math.Floor(share * width)).ToArray();
        widths[1] += width - widths.Sum();
        var alignments = new[]
        {
            TextAlignment.Center, TextAlignment.Left, TextAlignment.Left, TextAlignment.Center, TextAlignment.Center, TextAlignment.Center,
        };
        var columns = widths.Select((w, i) => new TableColumn(w, alignments[i])).ToList();
        var rows = decision.Annex.Select((row, i) => new TableRow(
            [
                (i + 1).ToString(CultureInfo.InvariantCulture), Clean(row.AgencyName), Clean(row.Place),
                row.AppraisedPoints.ToString("0.##", Vietnamese), Clean(row.Kind), Clean(row.Period),
            ],
            ReportTypography.TableCell)).ToList();

        return
        [
            Centred(AnnexHeading, ReportTypography.Heading) with { KeepWithNext = true },
            Centred(Clean(decision.AnnexTitle), ReportTypography.Heading) with { KeepWithNext = true },
            Centred(attached, ReportTypography.AnnexSubtitle) with { KeepWithNext = true, SpaceAfter = 12 },
            new TableBlock(columns, new TableRow(AnnexColumns, ReportTypography.TableHeader), rows)
            {
                HeaderAlignment = TextAlignment.Center,
            },
        ];
    }

    private static string Clean(string? text) => ReportText.Paragraph(text).Trim();

    private static ParagraphBlock Paragraph(string text, TextStyle style) =>
        new(text, style)
        {
            FirstLineIndent = PageGeometry.FirstLineIndent,
            SpaceAfter = ReportTypography.ParagraphSpacing,
        };

    private static ParagraphBlock Centred(string text, TextStyle style) =>
        new(Clean(text), style) { Alignment = TextAlignment.Center };
}
