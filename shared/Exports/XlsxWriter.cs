using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CulturalServerless.Exports;

/// <summary>
/// Tables as an XLSX workbook, one worksheet each, streamed: the package is written forward into a
/// ZIP archive (create mode, which needs no seeking and keeps nothing of an entry once written) and
/// each worksheet row by row with the Open XML SDK's <see cref="OpenXmlWriter"/>. Cells are inline
/// strings (no shared-string table to hold) or real numbers; the header row is bold and frozen,
/// columns are sized for the Vietnamese text they hold.
/// </summary>
/// <remarks>
/// The SDK's own <c>SpreadsheetDocument.Create</c> is not used for writing: System.IO.Packaging opens
/// a new package for update, which keeps every part in memory until it is saved.
/// </remarks>
public static class XlsxWriter
{
    /// <summary>Rows between hand-overs to the output: how much the writer holds at most.</summary>
    private const int RowsPerDrain = 200;

    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;

    public static async Task WriteAsync(Stream output, IReadOnlyList<IExportSheet> sheets, CancellationToken cancellationToken)
    {
        await using var drain = new AsyncDrainStream(output);
        using (var zip = new ZipArchive(drain, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteText(zip, "[Content_Types].xml", ContentTypes(sheets.Count));
            WriteText(zip, "_rels/.rels", PackageRelationships);
            WriteText(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships(sheets.Count));
            WriteElement(zip, "xl/workbook.xml", Workbook(sheets));
            WriteElement(zip, "xl/styles.xml", Styles());
            await drain.DrainAsync(cancellationToken);
            for (var i = 0; i < sheets.Count; i++)
            {
                await WriteSheetAsync(zip, $"xl/worksheets/sheet{i + 1}.xml", sheets[i], drain, cancellationToken);
            }
        }
        await drain.DrainAsync(cancellationToken);
    }

    private static async Task WriteSheetAsync(ZipArchive zip, string name, IExportSheet sheet, AsyncDrainStream drain, CancellationToken cancellationToken)
    {
        var references = Enumerable.Range(0, sheet.Headers.Count).Select(ColumnName).ToArray();
        await using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(entry, Encoding.UTF8);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(sheet.Widths.Select((width, i) =>
            new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true })));
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, references, [.. sheet.Headers.Select(ExportCell.Of)], HeaderStyle);
        uint index = 1;
        await foreach (var row in sheet.ReadRowsAsync(cancellationToken))
        {
            WriteRow(writer, ++index, references, row, TextStyle);
            if (index % RowsPerDrain == 0) await drain.DrainAsync(cancellationToken);
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, string[] references, ExportCell[] cells, uint textStyle)
    {
        var rowNumber = index.ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            if (cell.IsEmpty) continue;
            var reference = references[i] + rowNumber;
            writer.WriteElement(cell.Number is { } number
                ? new Cell { CellReference = reference, CellValue = new CellValue(number) }
                : new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    StyleIndex = textStyle,
                    InlineString = new InlineString(new Text(XmlSafe(cell.Text!)) { Space = SpaceProcessingModeValues.Preserve }),
                });
        }
        writer.WriteEndElement();
    }

    /// <summary>A1-style column letters: 0 → A, 25 → Z, 26 → AA.</summary>
    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Characters XML cannot carry (control characters) as U+FFFD, so one odd value cannot break the workbook.</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c))) return text;
        var safe = new StringBuilder(text.Length);
        foreach (var c in text) safe.Append(XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD');
        return safe.ToString();
    }

    private static Workbook Workbook(IReadOnlyList<IExportSheet> sheets) =>
        new(new Sheets(sheets.Select((sheet, i) => new Sheet { Name = sheet.Name, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" })));

    // 0: the default; 1: the header (bold, wrapped, top-aligned); 2: text (top-aligned, wrapped past the column's width).
    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true })
        { Count = 3 });

    private static void WriteElement(ZipArchive zip, string name, OpenXmlElement element)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(entry, Encoding.UTF8);
        writer.WriteStartDocument();
        writer.WriteElement(element);
        writer.Close();
    }

    private static void WriteText(ZipArchive zip, string name, string xml)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(Encoding.UTF8.GetBytes(xml));
    }

    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    private const string RelationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private static string ContentTypes(int sheets) =>
        Declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        + string.Concat(Enumerable.Range(1, sheets).Select(i =>
            $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
        + "</Types>";

    private const string PackageRelationships =
        Declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"" + RelationshipType + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

    private static string WorkbookRelationships(int sheets) =>
        Declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + string.Concat(Enumerable.Range(1, sheets).Select(i =>
            $"<Relationship Id=\"rId{i}\" Type=\"{RelationshipType}worksheet\" Target=\"worksheets/sheet{i}.xml\"/>"))
        + $"<Relationship Id=\"rId{sheets + 1}\" Type=\"{RelationshipType}styles\" Target=\"styles.xml\"/></Relationships>";
}
