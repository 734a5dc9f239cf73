namespace CulturalServerless.Exports;

/// <summary>The formats a table is exported in, by their <c>format=</c> names.</summary>
public enum ExportFormat
{
    Xlsx,
    Csv,
}

public static class ExportFormats
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static ExportFormat? Parse(string? name) => name switch
    {
        null or "xlsx" => ExportFormat.Xlsx,
        "csv" => ExportFormat.Csv,
        _ => null,
    };

    public static string ContentType(ExportFormat format) => format == ExportFormat.Xlsx ? XlsxContentType : CsvContentType;

    public static string Extension(ExportFormat format) => format == ExportFormat.Xlsx ? "xlsx" : "csv";

    /// <summary>Writes <paramref name="sheets"/> in <paramref name="format"/>: every sheet in XLSX, the first alone in CSV (one table per file).</summary>
    public static Task WriteAsync(ExportFormat format, Stream output, IReadOnlyList<IExportSheet> sheets, CancellationToken cancellationToken) =>
        format == ExportFormat.Xlsx
            ? XlsxWriter.WriteAsync(output, sheets, cancellationToken)
            : CsvWriter.WriteAsync(output, sheets[0], cancellationToken);
}
