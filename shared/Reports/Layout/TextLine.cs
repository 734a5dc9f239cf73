namespace CulturalServerless.Reports.Layout;

/// <summary>
/// One line of a broken paragraph: its words with their measured widths, the indent it starts at
/// and whether it ends the paragraph (such a line is never stretched when justifying).
/// </summary>
public sealed record TextLine(
    IReadOnlyList<string> Words,
    IReadOnlyList<double> WordWidths,
    double Indent,
    double SpaceWidth,
    bool EndsParagraph)
{
    /// <summary>Width with single spaces between the words, indent included.</summary>
    public double NaturalWidth
    {
        get
        {
            var width = Indent;
            for (var i = 0; i < WordWidths.Count; i++)
            {
                width += WordWidths[i];
            }

            return width + (SpaceWidth * Math.Max(0, Words.Count - 1));
        }
    }

    public string Text => string.Join(' ', Words);

    /// <summary>
    /// Where each word starts, measured from the left edge of a box <paramref name="width"/> wide.
    /// Justified lines spread the slack evenly over the gaps between words.
    /// </summary>
    public double[] WordOffsets(TextAlignment alignment, double width)
    {
        var offsets = new double[Words.Count];
        if (Words.Count == 0)
        {
            return offsets;
        }

        var slack = Math.Max(0, width - NaturalWidth);
        var gap = SpaceWidth;
        var x = Indent;
        switch (alignment)
        {
            case TextAlignment.Center:
                x += slack / 2;
                break;
            case TextAlignment.Right:
                x += slack;
                break;
            case TextAlignment.Justify when !EndsParagraph && Words.Count > 1:
                gap += slack / (Words.Count - 1);
                break;
        }

        for (var i = 0; i < Words.Count; i++)
        {
            offsets[i] = x;
            x += WordWidths[i] + gap;
        }

        return offsets;
    }
}
