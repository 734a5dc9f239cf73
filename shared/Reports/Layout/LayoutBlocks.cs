namespace CulturalServerless.Reports.Layout;

/// <summary>A piece of the document flow that <see cref="Paginator"/> places on pages.</summary>
public abstract record LayoutBlock;

/// <summary>
/// A paragraph of one style. Headings set <see cref="KeepWithNext"/> so they never end a page;
/// footnotes are printed at the foot of the page where the paragraph ends.
/// </summary>
public sealed record ParagraphBlock(string Text, TextStyle Style) : LayoutBlock
{
    public TextAlignment Alignment { get; init; } = TextAlignment.Justify;

    public double FirstLineIndent { get; init; }

    public double LeftIndent { get; init; }

    public double SpaceBefore { get; init; }

    public double SpaceAfter { get; init; }

    public bool KeepWithNext { get; init; }

    public IReadOnlyList<string> Footnotes { get; init; } = [];
}

/// <summary>
/// A ruled table whose header row is repeated at the top of every page it continues on.
/// A row that does not fit moves to the next page; one taller than a page is split by lines.
/// </summary>
public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, TableRow Header, IReadOnlyList<TableRow> Rows)
    : LayoutBlock
{
    public double CellPadding { get; init; } = 3;

    /// <summary>Header cells are often centred over columns whose text is not; null follows the columns.</summary>
    public TextAlignment? HeaderAlignment { get; init; }

    public double SpaceBefore { get; init; }
}

public sealed record TableColumn(double Width, TextAlignment Alignment);

public sealed record TableRow(IReadOnlyList<string> Cells, TextStyle Style);

/// <summary>Starts a new page unless the current one is still empty.</summary>
public sealed record PageBreakBlock : LayoutBlock;

/// <summary>
/// Room of a fixed height for something the renderer draws itself (the document header, the
/// signature block); it is kept whole on one page.
/// </summary>
public sealed record ReservedBlock(string Name, double Height) : LayoutBlock
{
    public double SpaceBefore { get; init; }
}
