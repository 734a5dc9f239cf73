using CulturalServerless.Reports.Layout;

namespace CulturalServerless.Reports.Rendering;

/// <summary>
/// A part of a page the renderer arranges itself rather than letting it flow (the Decree 30 header,
/// the recipients and signature block): lines and rules relative to its own top-left corner.
/// </summary>
internal sealed class FixedLayout
{
    public List<PlacedLine> Lines { get; } = [];

    public List<HorizontalRule> Rules { get; } = [];

    public double Height { get; set; }
}

internal readonly record struct HorizontalRule(double X1, double X2, double Y);

/// <summary>Stacks centred or left-aligned text down one column of a <see cref="FixedLayout"/>.</summary>
internal sealed class ColumnWriter(FixedLayout layout, LineBreaker breaker, ITextMeasurer measurer, double x, double width)
{
    public double Y { get; set; }

    public double X => x;

    public double Width => width;

    /// <summary>Writes wrapped text and returns the width of its widest line.</summary>
    public double Write(string text, TextStyle style, TextAlignment alignment = TextAlignment.Center)
    {
        var widest = 0.0;
        var lineHeight = measurer.LineHeight(style);
        foreach (var line in breaker.Break(text, style, width))
        {
            layout.Lines.Add(new PlacedLine(line, style, alignment, x, Y, width));
            widest = Math.Max(widest, line.NaturalWidth);
            Y += lineHeight;
        }

        return widest;
    }

    /// <summary>A centred rule just under the last line written.</summary>
    public void RuleUnder(double ruleWidth, double gap = 2)
    {
        var left = x + ((width - ruleWidth) / 2);
        layout.Rules.Add(new HorizontalRule(left, left + ruleWidth, Y + gap));
        Y += 2 * gap;
    }
}
