using CulturalServerless.Reports.Layout;

namespace CulturalServerless.Reports.Rendering;

/// <summary>Sizes and faces chosen within the ranges Decree 30/2020 Appendix I allows.</summary>
internal static class ReportTypography
{
    public static readonly TextStyle ParentBody = new(13);
    public static readonly TextStyle IssuingBody = new(13, Bold: true);
    public static readonly TextStyle DocumentNumber = new(13);
    public static readonly TextStyle NationalTitle = new(12, Bold: true);
    public static readonly TextStyle Motto = new(13, Bold: true);
    public static readonly TextStyle PlaceAndDate = new(13, Italic: true);
    public static readonly TextStyle DocumentType = new(14, Bold: true);
    public static readonly TextStyle Title = new(14, Bold: true);
    public static readonly TextStyle Body = new(14);
    public static readonly TextStyle Heading = new(14, Bold: true);
    public static readonly TextStyle LegalBasis = new(14, Italic: true);
    public static readonly TextStyle Footnote = new(10);
    public static readonly TextStyle PageNumber = new(13);
    public static readonly TextStyle RecipientsLabel = new(12, Bold: true, Italic: true);
    public static readonly TextStyle Recipient = new(11);
    public static readonly TextStyle SignerTitle = new(14, Bold: true);
    public static readonly TextStyle SignerName = new(14, Bold: true);
    public static readonly TextStyle AnnexSubtitle = new(13, Italic: true);
    public static readonly TextStyle TableHeader = new(12, Bold: true);
    public static readonly TextStyle TableCell = new(12);
    public static readonly TextStyle TableGroup = new(12, Bold: true);

    /// <summary>Decree 30 asks for at least 6 pt between paragraphs.</summary>
    public const double ParagraphSpacing = 6;
}
