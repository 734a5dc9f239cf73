using System.Globalization;
using System.Text;
using CulturalServerless.Reports.Layout;
using CulturalServerless.Reports.Text;

namespace CulturalServerless.Reports.Rendering;

/// <summary>
/// Turns the report into the flow of blocks that gets paginated: the header, sections I–IV, the
/// recipients and signature, and the scoring annex on pages of its own.
/// </summary>
internal static class ReportFlow
{
    public const string HeaderSlot = "header";
    public const string ClosingSlot = "closing";

    public static readonly IReadOnlyList<string> AnnexColumns =
        ["Mã", "Tiêu chí", "Điểm tối đa", "Tự chấm", "Điểm tính", "Giải trình"];

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static List<LayoutBlock> Build(OfficialReport report, double headerHeight, double closingHeight)
    {
        var blocks = new List<LayoutBlock> { new ReservedBlock(HeaderSlot, headerHeight) };

        blocks.Add(Heading("I. TÌNH HÌNH CHUNG"));
        blocks.AddRange(report.GeneralSituation.Select(text => Body(text)));

        blocks.Add(Heading("II. KẾT QUẢ THỰC HIỆN"));
        var footnoteNumber = 0;
        foreach (var criterion in report.Criteria)
        {
            blocks.Add(Heading($"{Clean(criterion.Code)}. Tiêu chí về “{Clean(criterion.Title)}”"));
            foreach (var item in criterion.Items)
            {
                blocks.AddRange(ItemParagraphs(item, ref footnoteNumber));
            }
        }

        blocks.Add(Heading("III. NHẬN XÉT, ĐÁNH GIÁ"));
        blocks.AddRange(report.Remarks.Select(Bullet));
        if (report.Recommendations.Count == 0)
        {
            blocks.Add(Body("Kiến nghị: Không"));
        }
        else
        {
            blocks.Add(Heading("Kiến nghị:"));
            blocks.AddRange(report.Recommendations.Select(Bullet));
        }

        var conclusion = report.Conclusion;
        var verdict = Clean(conclusion.Verdict).TrimEnd('.');
        blocks.Add(Heading(
            $"IV. TỔNG ĐIỂM TỰ CHẤM: {Score(conclusion.SelfScore)}/{Score(conclusion.MaxScore)} điểm; {verdict}."));
        blocks.Add(Body(conclusion.RecognitionRequest));

        blocks.Add(new ReservedBlock(ClosingSlot, closingHeight) { SpaceBefore = 12 });

        if (report.Annex.Count > 0)
        {
            blocks.AddRange(Annex(report));
        }

        return blocks;
    }

    public static string Score(decimal? score) => score?.ToString("0.##", Vietnamese) ?? string.Empty;

    /// <summary>
    /// Footnote markers as superscript digits, so that they read as "người.¹" when copied. The font
    /// has no superscript zero, so a number with a 0 in it (10, 20, …) is written "[10]" instead.
    /// </summary>
    public static string FootnoteMarker(int number)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var plain = number.ToString(CultureInfo.InvariantCulture);
        if (plain.Contains('0', StringComparison.Ordinal))
        {
            return $"[{plain}]";
        }

        var builder = new StringBuilder(plain.Length);
        foreach (var digit in plain)
        {
            builder.Append(digits[digit - '0']);
        }

        return builder.ToString();
    }

    private static IEnumerable<LayoutBlock> ItemParagraphs(CriterionItemReport item, ref int footnoteNumber)
    {
        var paragraphs = item.Narrative.Select(Clean).Where(text => text.Length > 0).ToList();
        if (paragraphs.Count == 0)
        {
            paragraphs.Add(string.Empty);
        }

        paragraphs[0] = $"{Clean(item.Code)}. {paragraphs[0]}".TrimEnd();

        // The markers go after the item's last sentence; the notes themselves to the page foot.
        var markers = new List<string>();
        var notes = new List<string>();
        foreach (var reference in item.EvidenceReferences.Select(Clean).Where(text => text.Length > 0))
        {
            var marker = FootnoteMarker(++footnoteNumber);
            markers.Add(marker);
            notes.Add($"{marker} {reference}");
        }

        var result = new List<LayoutBlock>(paragraphs.Count);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var isLast = i == paragraphs.Count - 1;
            result.Add(isLast && notes.Count > 0
                ? Body(paragraphs[i] + string.Join(',', markers)) with { Footnotes = notes }
                : Body(paragraphs[i]));
        }

        return result;
    }

    private static IEnumerable<LayoutBlock> Annex(OfficialReport report)
    {
        yield return new PageBreakBlock();
        yield return Centred("PHỤ LỤC", ReportTypography.Heading) with { KeepWithNext = true };
        yield return Centred("KẾT QUẢ TỰ CHẤM ĐIỂM CÁC TIÊU CHÍ", ReportTypography.Heading) with { KeepWithNext = true };
        var date = report.PlaceAndDate.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        yield return Centred(
            $"(Kèm theo Báo cáo số {Clean(report.Number.Reference)} ngày {date})",
            ReportTypography.AnnexSubtitle) with { KeepWithNext = true, SpaceAfter = 12 };

        double[] widths = [36, 170, 46, 46, 46];
        var columns = widths
            .Select((width, i) => new TableColumn(width, i == 1 ? TextAlignment.Left : TextAlignment.Center))
            .Append(new TableColumn(PageGeometry.ContentWidth - widths.Sum(), TextAlignment.Left))
            .ToList();
        var header = new TableRow(AnnexColumns, ReportTypography.TableHeader);
        var rows = report.Annex.Select(row => new TableRow(
            [
                Clean(row.Code), Clean(row.Title), Score(row.MaxScore), Score(row.SelfScore),
                Score(row.ComputedScore), Clean(row.Explanation),
            ],
            row.IsGroup ? ReportTypography.TableGroup : ReportTypography.TableCell)).ToList();
        yield return new TableBlock(columns, header, rows) { HeaderAlignment = TextAlignment.Center };
    }

    private static string Clean(string? text) => ReportText.Paragraph(text).Trim();

    private static ParagraphBlock Heading(string text) =>
        new(Clean(text), ReportTypography.Heading)
        {
            Alignment = TextAlignment.Left,
            FirstLineIndent = PageGeometry.FirstLineIndent,
            SpaceBefore = ReportTypography.ParagraphSpacing,
            SpaceAfter = ReportTypography.ParagraphSpacing,
            KeepWithNext = true,
        };

    private static ParagraphBlock Body(string text) =>
        new(Clean(text), ReportTypography.Body)
        {
            FirstLineIndent = PageGeometry.FirstLineIndent,
            SpaceAfter = ReportTypography.ParagraphSpacing,
        };

    private static ParagraphBlock Bullet(string text)
    {
        var cleaned = Clean(text);
        return Body(cleaned.StartsWith('-') ? cleaned : $"- {cleaned}");
    }

    private static ParagraphBlock Centred(string text, TextStyle style) =>
        new(Clean(text), style) { Alignment = TextAlignment.Center };
}
