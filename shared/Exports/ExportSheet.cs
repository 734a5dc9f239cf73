using System.Runtime.CompilerServices;

namespace CulturalServerless.Exports;

/// <summary>
/// A table as the writers see it, whatever its rows are: a name, headers, column widths, and rows
/// of cells read one at a time (never all in memory).
/// </summary>
public interface IExportSheet
{
    string Name { get; }

    IReadOnlyList<string> Headers { get; }

    /// <summary>Widths in characters: each column's header, its least width, and the longest value among the rows already read when the export starts.</summary>
    IReadOnlyList<int> Widths { get; }

    IAsyncEnumerable<ExportCell[]> ReadRowsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A table of <typeparamref name="TRow"/> rows with its columns. <paramref name="rows"/> is read
/// once, when the sheet is written; <paramref name="preview"/> are rows already in hand (the first
/// page, read before the answer starts) that size the columns.
/// </summary>
public sealed class ExportSheet<TRow>(
    string name, IReadOnlyList<ExportColumn<TRow>> columns, Func<CancellationToken, IAsyncEnumerable<TRow>> rows, IReadOnlyList<TRow>? preview = null)
    : IExportSheet
{
    /// <summary>No column is wider than this, however long a name: the text wraps in the cell instead.</summary>
    public const int MaxWidth = 80;

    public string Name => name;

    public IReadOnlyList<string> Headers { get; } = [.. columns.Select(c => c.Header)];

    public IReadOnlyList<int> Widths { get; } = [.. columns.Select(c => Math.Min(MaxWidth,
        Math.Max(Math.Max(c.MinWidth, c.Header.Length), (preview ?? []).Select(r => c.Value(r).ToPlainText().Length).DefaultIfEmpty(0).Max()) + 2))];

    public async IAsyncEnumerable<ExportCell[]> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows(cancellationToken).WithCancellation(cancellationToken))
        {
            var cells = new ExportCell[columns.Count];
            for (var i = 0; i < cells.Length; i++) cells[i] = columns[i].Value(row);
            yield return cells;
        }
    }
}
