namespace CulturalServerless.Reports.Layout;

public enum TextAlignment
{
    Left,
    Center,
    Right,

    /// <summary>Both edges flush; the last line of a paragraph stays flush left.</summary>
    Justify,
}
