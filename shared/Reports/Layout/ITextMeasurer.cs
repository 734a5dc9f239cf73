namespace CulturalServerless.Reports.Layout;

/// <summary>
/// Widths and line heights of text. The renderer measures with PDFsharp (exact for the embedded
/// font, no kerning); layout tests use a fixed-width fake so their numbers can be worked by hand.
/// </summary>
public interface ITextMeasurer
{
    double Width(string text, TextStyle style);

    /// <summary>Single line spacing: the distance between the tops of two consecutive lines.</summary>
    double LineHeight(TextStyle style);
}
