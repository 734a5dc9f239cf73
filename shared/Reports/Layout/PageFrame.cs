namespace CulturalServerless.Reports.Layout;

/// <summary>
/// The content area of a page (inside the margins) and how footnotes are set: smaller type under
/// a short rule, with a gap above the rule.
/// </summary>
public sealed record PageFrame(double Width, double Height, TextStyle FootnoteStyle)
{
    public double FootnoteGap { get; init; } = 8;
}
