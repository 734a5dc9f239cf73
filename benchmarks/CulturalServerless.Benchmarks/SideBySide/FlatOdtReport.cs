using System.Globalization;
using System.Text;
using System.Xml;
using CulturalServerless.Reports;
using CulturalServerless.Reports.Rendering;

namespace CulturalServerless.Benchmarks.SideBySide;

/// <summary>
/// The same official report as a flat OpenDocument text (.fodt) for LibreOffice to convert: the
/// report's own texts in the same order, the Decree 30 page (A4, margins 20/15/20/30 mm), Times
/// metrics (Liberation Serif) at 13–14 pt, justified body paragraphs with a first-line indent, the
/// header in two columns, the signature block, and the annex as a table whose header row repeats on
/// every page — what a clerk would lay out by hand in a word processor.
/// </summary>
internal static class FlatOdtReport
{
    private const string Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string Style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private const string Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    internal const string Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string Fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";

    public static void Write(OfficialReport report, string path)
    {
        using var xml = Begin(path);
        WriteHeader(xml, report);
        WriteBody(xml, report);
        WriteClosing(xml, report);
        WriteAnnex(xml, report);
        xml.WriteEndDocument();
    }

    /// <summary>A flat ODT with the styles written and the text body open; the caller writes the text and ends the document.</summary>
    internal static XmlWriter Begin(string path)
    {
        var xml = XmlWriter.Create(path, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false });
        xml.WriteStartDocument();
        xml.WriteStartElement("office", "document", Office);
        xml.WriteAttributeString("xmlns", "style", null, Style);
        xml.WriteAttributeString("xmlns", "text", null, Text);
        xml.WriteAttributeString("xmlns", "table", null, Table);
        xml.WriteAttributeString("xmlns", "fo", null, Fo);
        xml.WriteAttributeString("office", "version", Office, "1.3");
        xml.WriteAttributeString("office", "mimetype", Office, "application/vnd.oasis.opendocument.text");
        WriteStyles(xml);
        xml.WriteStartElement("office", "body", Office);
        xml.WriteStartElement("office", "text", Office);
        return xml;
    }

    private static void WriteStyles(XmlWriter xml)
    {
        xml.WriteStartElement("office", "font-face-decls", Office);
        xml.WriteStartElement("style", "font-face", Style);
        xml.WriteAttributeString("style", "name", Style, "Liberation Serif");
        xml.WriteAttributeString("svg", "font-family", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0", "'Liberation Serif'");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("office", "styles", Office);
        ParagraphStyle(xml, "Body", "justify", size: 14, bold: false, indent: "1.27cm", italic: false);
        ParagraphStyle(xml, "Heading", "justify", size: 14, bold: true, indent: "1.27cm", italic: false);
        ParagraphStyle(xml, "Centre", "center", size: 13, bold: true, indent: "0cm", italic: false);
        ParagraphStyle(xml, "Place", "center", size: 14, bold: false, indent: "0cm", italic: true);
        ParagraphStyle(xml, "Small", "start", size: 11, bold: false, indent: "0cm", italic: false);
        ParagraphStyle(xml, "Cell", "start", size: 11, bold: false, indent: "0cm", italic: false);
        ParagraphStyle(xml, "Italic", "justify", size: 14, bold: false, indent: "1.27cm", italic: true);
        xml.WriteEndElement();

        xml.WriteStartElement("office", "automatic-styles", Office);
        PageLayout(xml, "A4", "21cm", "29.7cm");
        PageLayout(xml, "A4Landscape", "29.7cm", "21cm");
        // A paragraph in this style starts a landscape page (a decision's annex).
        xml.WriteStartElement("style", "style", Style);
        xml.WriteAttributeString("style", "name", Style, LandscapeStart);
        xml.WriteAttributeString("style", "family", Style, "paragraph");
        xml.WriteAttributeString("style", "parent-style-name", Style, "Centre");
        xml.WriteAttributeString("style", "master-page-name", Style, "Landscape");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("office", "master-styles", Office);
        MasterPage(xml, "Standard", "A4");
        MasterPage(xml, "Landscape", "A4Landscape");
        xml.WriteEndElement();
    }

    internal const string LandscapeStart = "LandscapeStart";

    private static void PageLayout(XmlWriter xml, string name, string width, string height)
    {
        xml.WriteStartElement("style", "page-layout", Style);
        xml.WriteAttributeString("style", "name", Style, name);
        xml.WriteStartElement("style", "page-layout-properties", Style);
        xml.WriteAttributeString("fo", "page-width", Fo, width);
        xml.WriteAttributeString("fo", "page-height", Fo, height);
        xml.WriteAttributeString("fo", "margin-top", Fo, "2cm");
        xml.WriteAttributeString("fo", "margin-bottom", Fo, "2cm");
        xml.WriteAttributeString("fo", "margin-left", Fo, "3cm");
        xml.WriteAttributeString("fo", "margin-right", Fo, "1.5cm");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void MasterPage(XmlWriter xml, string name, string layout)
    {
        xml.WriteStartElement("style", "master-page", Style);
        xml.WriteAttributeString("style", "name", Style, name);
        xml.WriteAttributeString("style", "page-layout-name", Style, layout);
        xml.WriteEndElement();
    }

    private static void ParagraphStyle(XmlWriter xml, string name, string align, int size, bool bold, string indent, bool italic)
    {
        xml.WriteStartElement("style", "style", Style);
        xml.WriteAttributeString("style", "name", Style, name);
        xml.WriteAttributeString("style", "family", Style, "paragraph");
        xml.WriteStartElement("style", "paragraph-properties", Style);
        xml.WriteAttributeString("fo", "text-align", Fo, align);
        xml.WriteAttributeString("fo", "text-indent", Fo, indent);
        xml.WriteAttributeString("fo", "margin-bottom", Fo, "0.212cm");
        xml.WriteEndElement();
        xml.WriteStartElement("style", "text-properties", Style);
        xml.WriteAttributeString("style", "font-name", Style, "Liberation Serif");
        xml.WriteAttributeString("fo", "font-size", Fo, size.ToString(CultureInfo.InvariantCulture) + "pt");
        if (bold) xml.WriteAttributeString("fo", "font-weight", Fo, "bold");
        if (italic) xml.WriteAttributeString("fo", "font-style", Fo, "italic");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteHeader(XmlWriter xml, OfficialReport report)
    {
        StartTable(xml, "Header", 2);
        Row(xml, [report.ParentBody + "\n" + report.IssuingBody + "\n" + report.Number, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"], "Centre");
        Row(xml, ["", report.PlaceAndDate.ToString()], "Place");
        xml.WriteEndElement();
        Paragraph(xml, "Centre", "BÁO CÁO");
        Paragraph(xml, "Centre", report.Title);
    }

    private static void WriteBody(XmlWriter xml, OfficialReport report)
    {
        Paragraph(xml, "Heading", "I. TÌNH HÌNH CHUNG");
        foreach (var text in report.GeneralSituation) Paragraph(xml, "Body", text);
        Paragraph(xml, "Heading", "II. KẾT QUẢ THỰC HIỆN");
        foreach (var criterion in report.Criteria)
        {
            Paragraph(xml, "Heading", $"{criterion.Code}. Tiêu chí về “{criterion.Title}”");
            foreach (var item in criterion.Items)
            {
                for (var i = 0; i < item.Narrative.Count; i++)
                {
                    Paragraph(xml, "Body", i == 0 ? $"{item.Code}. {item.Narrative[i]}" : item.Narrative[i]);
                }
                foreach (var reference in item.EvidenceReferences) Paragraph(xml, "Small", reference);
            }
        }
        Paragraph(xml, "Heading", "III. NHẬN XÉT, ĐÁNH GIÁ");
        foreach (var remark in report.Remarks) Paragraph(xml, "Body", "- " + remark);
        Paragraph(xml, "Body", report.Recommendations.Count == 0 ? "Kiến nghị: Không" : "Kiến nghị: " + string.Join(" ", report.Recommendations));
        var conclusion = report.Conclusion;
        Paragraph(xml, "Heading", $"IV. TỔNG ĐIỂM TỰ CHẤM: {ReportFlow.Score(conclusion.SelfScore)}/{ReportFlow.Score(conclusion.MaxScore)} điểm; {conclusion.Verdict}");
        Paragraph(xml, "Body", conclusion.RecognitionRequest);
    }

    private static void WriteClosing(XmlWriter xml, OfficialReport report)
    {
        StartTable(xml, "Closing", 2);
        var recipients = "Nơi nhận:\n" + string.Join("\n", report.Recipients.Select(r => "- " + r));
        var signer = string.Join("\n", new[] { report.Signatory.AuthorityPrefix, report.Signatory.Title.ToUpperInvariant(), "", "", "", report.Signatory.Name }
            .Where(line => line is not null));
        Row(xml, [recipients, signer], "Small");
        xml.WriteEndElement();
    }

    private static void WriteAnnex(XmlWriter xml, OfficialReport report)
    {
        if (report.Annex.Count == 0) return;
        Paragraph(xml, "Centre", "PHỤ LỤC");
        Paragraph(xml, "Centre", "KẾT QUẢ TỰ CHẤM ĐIỂM CÁC TIÊU CHÍ");
        StartTable(xml, "Annex", ReportFlow.AnnexColumns.Count);
        xml.WriteStartElement("table", "table-header-rows", Table);
        Row(xml, ReportFlow.AnnexColumns, "Centre");
        xml.WriteEndElement();
        foreach (var row in report.Annex)
        {
            Row(xml, [row.Code, row.Title, ReportFlow.Score(row.MaxScore), ReportFlow.Score(row.SelfScore), ReportFlow.Score(row.ComputedScore), row.Explanation], "Cell");
        }
        xml.WriteEndElement();
    }

    internal static void StartTable(XmlWriter xml, string name, int columns)
    {
        xml.WriteStartElement("table", "table", Table);
        xml.WriteAttributeString("table", "name", Table, name);
        xml.WriteStartElement("table", "table-column", Table);
        xml.WriteAttributeString("table", "number-columns-repeated", Table, columns.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }

    internal static void Row(XmlWriter xml, IReadOnlyList<string> cells, string style)
    {
        xml.WriteStartElement("table", "table-row", Table);
        foreach (var cell in cells)
        {
            xml.WriteStartElement("table", "table-cell", Table);
            foreach (var line in cell.Split('\n')) Paragraph(xml, style, line);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    internal static void Paragraph(XmlWriter xml, string style, string text)
    {
        xml.WriteStartElement("text", "p", Text);
        xml.WriteAttributeString("text", "style-name", Text, style);
        xml.WriteString(text);
        xml.WriteEndElement();
    }
}
