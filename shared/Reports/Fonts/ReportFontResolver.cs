using PdfSharp.Fonts;

namespace CulturalServerless.Reports.Fonts;

/// <summary>
/// Resolves every family name to the embedded Liberation Serif faces: a report asks only for
/// Liberation Serif, and answering other names with it too means PDFsharp never looks at
/// system fonts (it would fail on a machine without them).
/// </summary>
public sealed class ReportFontResolver : IFontResolver
{
    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic)
    {
        var face = (isBold, isItalic) switch
        {
            (true, true) => ReportFontFace.BoldItalic,
            (true, false) => ReportFontFace.Bold,
            (false, true) => ReportFontFace.Italic,
            _ => ReportFontFace.Regular,
        };
        return new FontResolverInfo(face.ToString());
    }

    public byte[] GetFont(string faceName) =>
        Enum.TryParse<ReportFontFace>(faceName, out var face)
            ? ReportFonts.GetFace(face)
            : throw new ArgumentException($"Unknown report font face '{faceName}'.", nameof(faceName));
}
