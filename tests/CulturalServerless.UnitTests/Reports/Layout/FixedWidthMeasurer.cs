namespace CulturalServerless.UnitTests.Reports.Layout;

/// <summary>Every character (space included) is one unit wide and every line ten units high.</summary>
internal sealed class FixedWidthMeasurer : ITextMeasurer
{
    public const double LineHeightUnits = 10;

    public double Width(string text, TextStyle style) => text.Length;

    public double LineHeight(TextStyle style) => LineHeightUnits;
}
