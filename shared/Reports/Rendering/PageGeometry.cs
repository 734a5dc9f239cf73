using CulturalServerless.Reports.Layout;

namespace CulturalServerless.Reports.Rendering;

/// <summary>
/// A4 with the margins of Decree 30/2020 Appendix I (top and bottom 20 mm, left 30 mm, right 15 mm),
/// in points, the unit PDFsharp draws in.
/// </summary>
internal static class PageGeometry
{
    public const double PointsPerMillimetre = 72 / 25.4;
    public const double PageWidth = 210 * PointsPerMillimetre;
    public const double PageHeight = 297 * PointsPerMillimetre;
    public const double MarginTop = 20 * PointsPerMillimetre;
    public const double MarginBottom = 20 * PointsPerMillimetre;
    public const double MarginLeft = 30 * PointsPerMillimetre;
    public const double MarginRight = 15 * PointsPerMillimetre;
    public const double ContentWidth = PageWidth - MarginLeft - MarginRight;
    public const double ContentHeight = PageHeight - MarginTop - MarginBottom;

    /// <summary>Decree 30 allows 1 or 1.27 cm; 1.27 cm is what Word users expect.</summary>
    public const double FirstLineIndent = 12.7 * PointsPerMillimetre;

    public static PageFrame Frame { get; } = new(ContentWidth, ContentHeight, ReportTypography.Footnote);

    // A landscape page (a wide annex table) keeps the same margins, turned with the page.
    public const double LandscapeContentWidth = PageHeight - MarginLeft - MarginRight;
    public const double LandscapeContentHeight = PageWidth - MarginTop - MarginBottom;

    public static PageFrame LandscapeFrame { get; } = new(LandscapeContentWidth, LandscapeContentHeight, ReportTypography.Footnote);
}
