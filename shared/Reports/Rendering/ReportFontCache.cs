using CulturalServerless.Reports.Fonts;
using CulturalServerless.Reports.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CulturalServerless.Reports.Rendering;

/// <summary>One XFont per style for one rendering; creating them is the costly part of a font.</summary>
internal sealed class ReportFontCache
{
    private readonly Dictionary<TextStyle, XFont> _fonts = [];

    public XFont this[TextStyle style]
    {
        get
        {
            if (!_fonts.TryGetValue(style, out var font))
            {
                var face = (style.Bold, style.Italic) switch
                {
                    (true, true) => XFontStyleEx.BoldItalic,
                    (true, false) => XFontStyleEx.Bold,
                    (false, true) => XFontStyleEx.Italic,
                    _ => XFontStyleEx.Regular,
                };
                // Unicode encoding: Vietnamese letters are outside every single-byte PDF encoding.
                font = new XFont(ReportFonts.FamilyName, style.Size, face, new XPdfFontOptions(PdfFontEncoding.Unicode));
                _fonts[style] = font;
            }

            return font;
        }
    }
}
