namespace CulturalServerless.Reports.Layout;

/// <summary>
/// What goes on one page, in content-area coordinates: (0, 0) is the top-left corner inside the
/// margins and y grows downwards; every y is the top of the thing placed.
/// </summary>
public sealed class LaidOutPage(int index)
{
    public int Index { get; } = index;

    public List<PlacedLine> Lines { get; } = [];

    public List<PlacedBox> Boxes { get; } = [];

    public List<PlacedReserve> Reserved { get; } = [];

    public List<PlacedLine> FootnoteLines { get; } = [];

    /// <summary>Where the short rule above the footnotes goes; null on a page without footnotes.</summary>
    public double? FootnoteRuleY { get; internal set; }

    public bool IsEmpty => Lines.Count == 0 && Boxes.Count == 0 && Reserved.Count == 0;
}

/// <summary>A line of text placed in a box <see cref="Width"/> wide starting at <see cref="X"/>.</summary>
public sealed record PlacedLine(TextLine Line, TextStyle Style, TextAlignment Alignment, double X, double Y, double Width)
{
    public double[] WordOffsets() => Line.WordOffsets(Alignment, Width);
}

/// <summary>A ruled rectangle: one table cell.</summary>
public sealed record PlacedBox(double X, double Y, double Width, double Height);

public sealed record PlacedReserve(string Name, double Y, double Height);
