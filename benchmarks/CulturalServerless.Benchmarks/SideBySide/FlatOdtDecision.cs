using CulturalServerless.Reports.Decisions;

namespace CulturalServerless.Benchmarks.SideBySide;

/// <summary>
/// A recognition decision as the flat ODT a clerk would make for LibreOffice: the same header, the
/// grounds, articles and signature block on A4 portrait, then the annex list on landscape pages as a
/// table whose header row repeats — the same texts as <see cref="DecisionRenderer"/> prints.
/// </summary>
internal static class FlatOdtDecision
{
    private static readonly string[] Columns = ["STT", "Cơ quan/đơn vị", "Địa bàn", "Điểm thẩm định", "Hình thức công nhận", "Giai đoạn"];

    public static void Write(RecognitionDecision decision, string path)
    {
        using var xml = FlatOdtReport.Begin(path);
        FlatOdtReport.StartTable(xml, "Header", 2);
        FlatOdtReport.Row(xml, [$"{decision.ParentBody}\n{decision.IssuingBody}\n{decision.Number}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"], "Centre");
        FlatOdtReport.Row(xml, ["", decision.PlaceAndDate.ToString()], "Place");
        xml.WriteEndElement();
        FlatOdtReport.Paragraph(xml, "Centre", "QUYẾT ĐỊNH");
        FlatOdtReport.Paragraph(xml, "Centre", decision.Title);
        FlatOdtReport.Paragraph(xml, "Centre", decision.Authority);
        foreach (var basis in decision.LegalBases) FlatOdtReport.Paragraph(xml, "Italic", basis);
        FlatOdtReport.Paragraph(xml, "Centre", "QUYẾT ĐỊNH:");
        foreach (var article in decision.Articles) FlatOdtReport.Paragraph(xml, "Body", article);

        FlatOdtReport.StartTable(xml, "Closing", 2);
        var recipients = "Nơi nhận:\n" + string.Join("\n", decision.Recipients.Select(r => "- " + r));
        var signer = string.Join("\n", new[] { decision.Signatory.AuthorityPrefix, decision.Signatory.Title, "", "", "", decision.Signatory.Name }
            .Where(line => line is not null));
        FlatOdtReport.Row(xml, [recipients, signer], "Small");
        xml.WriteEndElement();

        FlatOdtReport.Paragraph(xml, FlatOdtReport.LandscapeStart, "DANH SÁCH");
        FlatOdtReport.Paragraph(xml, "Centre", decision.AnnexTitle);
        FlatOdtReport.Paragraph(xml, "Place", $"(Kèm theo Quyết định số {decision.Number.Reference} ngày {decision.PlaceAndDate.Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)} của {decision.AnnexIssuedBy})");
        FlatOdtReport.StartTable(xml, "Annex", Columns.Length);
        xml.WriteStartElement("table", "table-header-rows", FlatOdtReport.Table);
        FlatOdtReport.Row(xml, Columns, "Centre");
        xml.WriteEndElement();
        for (var i = 0; i < decision.Annex.Count; i++)
        {
            var row = decision.Annex[i];
            FlatOdtReport.Row(xml, [(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), row.AgencyName, row.Place,
                row.AppraisedPoints.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), row.Kind, row.Period], "Cell");
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }
}
