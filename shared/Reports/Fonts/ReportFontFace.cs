namespace CulturalServerless.Reports.Fonts;

/// <summary>The four faces shipped; the names match the embedded file names.</summary>
public enum ReportFontFace
{
    Regular,
    Bold,
    Italic,
    BoldItalic,
}
