namespace CulturalServerless.Reports;

/// <summary>
/// The signature block: an optional authority prefix (TM., Q., KT., TL., TUQ.) with the body it
/// acts for, the signer's title (e.g. "CHÁNH VĂN PHÒNG") and full name.
/// </summary>
public sealed record ReportSignatory(string Title, string Name)
{
    /// <summary>e.g. "KT. CHÁNH VĂN PHÒNG" is written as prefix "KT. CHÁNH VĂN PHÒNG", title "PHÓ CHÁNH VĂN PHÒNG".</summary>
    public string? AuthorityPrefix { get; init; }
}
