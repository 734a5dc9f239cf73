using System.Reflection;
using PdfSharp.Fonts;

namespace CulturalServerless.Reports.Fonts;

/// <summary>
/// The one typeface of official reports: Liberation Serif 2.1.5, metric-compatible with the
/// Times New Roman that Decree 30/2020 names, shipped inside this assembly (SIL OFL 1.1) so that
/// rendering never depends on the fonts of the machine it runs on.
/// </summary>
public static class ReportFonts
{
    public const string FamilyName = "Liberation Serif";

    private static readonly Lazy<IReadOnlyDictionary<ReportFontFace, byte[]>> Faces = new(LoadFaces);
    private static readonly Lazy<FontCoverage> SharedCoverage = new(
        () => FontCoverage.Intersect(Faces.Value.Values.Select(FontCoverage.FromTrueType)));
    private static readonly object RegistrationLock = new();

    /// <summary>Code points that every one of the four faces can draw.</summary>
    public static FontCoverage Coverage => SharedCoverage.Value;

    /// <summary>
    /// Installs <see cref="ReportFontResolver"/> as PDFsharp's process-wide resolver. PDFsharp allows
    /// this once per process and before the first font is used, so every entry point calls it.
    /// </summary>
    public static void EnsureRegistered()
    {
        if (GlobalFontSettings.FontResolver is ReportFontResolver)
        {
            return;
        }

        lock (RegistrationLock)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new ReportFontResolver();
            }
            else if (GlobalFontSettings.FontResolver is not ReportFontResolver)
            {
                throw new InvalidOperationException(
                    "Another PDFsharp font resolver is installed; reports need ReportFontResolver.");
            }
        }
    }

    internal static byte[] GetFace(ReportFontFace face) => Faces.Value[face];

    private static IReadOnlyDictionary<ReportFontFace, byte[]> LoadFaces()
    {
        var assembly = typeof(ReportFonts).Assembly;
        return Enum.GetValues<ReportFontFace>().ToDictionary(face => face, face => ReadResource(assembly, face));
    }

    private static byte[] ReadResource(Assembly assembly, ReportFontFace face)
    {
        var name = $"CulturalServerless.Reports.Fonts.LiberationSerif-{face}.ttf";
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing from {assembly.GetName().Name}.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
