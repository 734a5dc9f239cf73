using System.Globalization;

namespace CulturalServerless.Reports;

/// <summary>
/// "Số: 15/BC-VP": the yearly sequence number and the symbol (document type "BC" plus the issuing
/// body's abbreviation). The number is left blank until the clerk registers the document.
/// </summary>
public sealed record DocumentNumber(int? Sequence, string Symbol)
{
    /// <summary>A report's number: type "BC" and the issuing body's abbreviation, e.g. "BC-VP".</summary>
    public static DocumentNumber OfReport(int? sequence, string issuerAbbreviation) => new(sequence, "BC-" + issuerAbbreviation);

    /// <summary>A decision's number: type "QĐ" and the issuing body's abbreviation, e.g. "QĐ-LĐLĐ".</summary>
    public static DocumentNumber OfDecision(int? sequence, string issuerAbbreviation) => new(sequence, "QĐ-" + issuerAbbreviation);

    /// <summary>"15/BC-VP", as other documents cite it.</summary>
    public string Reference
    {
        get
        {
            // Decree 30: numbers under 10 take a leading zero. A blank number keeps room to write it in.
            var number = Sequence is { } n ? n.ToString("00", CultureInfo.InvariantCulture) : "     ";
            return $"{number}/{Symbol}";
        }
    }

    public override string ToString() => $"Số: {Reference}";
}
