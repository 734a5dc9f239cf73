using System.Text;

namespace CulturalServerless.Exports;

/// <summary>
/// One table as CSV: UTF-8 with a byte order mark (so Excel reads Vietnamese as UTF-8), CRLF line
/// ends and RFC 4180 quoting, and no formula injection: a cell that starts with = + - @ (or a tab
/// or carriage return, which some spreadsheets skip before looking) is written with a leading
/// apostrophe, which spreadsheets take as "text" and do not evaluate. Numbers are written as they
/// are (a negative number is a number, not a formula).
/// </summary>
public static class CsvWriter
{
    /// <summary>Rows between flushes to the output: how much the writer holds at most.</summary>
    private const int RowsPerFlush = 200;

    public static async Task WriteAsync(Stream output, IExportSheet sheet, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
        await WriteLineAsync(writer, sheet.Headers.Select(ExportCell.Of).ToArray());
        var rows = 0;
        await foreach (var row in sheet.ReadRowsAsync(cancellationToken))
        {
            await WriteLineAsync(writer, row);
            if (++rows % RowsPerFlush == 0) await writer.FlushAsync(cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    private static Task WriteLineAsync(StreamWriter writer, ExportCell[] cells) =>
        writer.WriteLineAsync(string.Join(',', cells.Select(Field)));

    /// <summary>A cell as one RFC 4180 field.</summary>
    public static string Field(ExportCell cell)
    {
        var text = cell.Number is not null ? cell.ToPlainText() : Defuse(cell.Text ?? string.Empty);
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>Text that a spreadsheet would take as a formula, made plain text.</summary>
    public static string Defuse(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
