using CulturalServerless.Exports;
using CulturalServerless.Validation;

namespace CulturalServerless.Application.Exports;

/// <summary>
/// An export ready to be written: checked, its first page read (so a bad request or a dependency
/// that is down is answered before the file starts), its format, file name and sheets. Anything
/// tabular is exported this way; the writers are generic over the sheets' rows.
/// </summary>
public sealed record TableExport(ExportFormat Format, string FileName, IReadOnlyList<IExportSheet> Sheets)
{
    public string ContentType => ExportFormats.ContentType(Format);

    public Task WriteAsync(Stream output, CancellationToken cancellationToken) =>
        ExportFormats.WriteAsync(Format, output, Sheets, cancellationToken);

    /// <summary>The <c>format</c> query parameter of every export (xlsx when absent); a problem at <c>$.query.format</c> when it is neither.</summary>
    public static ExportFormat? ParseFormat(string? format, ValidationProblemList problems)
    {
        var parsed = ExportFormats.Parse(format);
        if (parsed is null)
        {
            problems.Add("$.query.format", "invalid-format", "format phải là xlsx hoặc csv.", "The format must be xlsx or csv.");
        }
        return parsed;
    }
}
