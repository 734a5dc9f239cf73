namespace CulturalServerless.Reports.Decisions;

/// <summary>
/// Everything printed on a recognition decision (quyết định công nhận) in the Decree 30/2020
/// layout: header, "QUYẾT ĐỊNH" with its summary line, the "Căn cứ …" lines, the articles, the
/// recipients and signature, then the annex listing the recognised agencies. Plain data: the
/// procedure configuration of the recognising body fills it, and the wording stays configuration.
/// </summary>
public sealed record RecognitionDecision
{
    /// <summary>The body the recognising body belongs to, e.g. "LĐLĐ VIỆT NAM"; empty when there is none.</summary>
    public string ParentBody { get; init; } = string.Empty;

    /// <summary>The recognising body, e.g. "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI".</summary>
    public required string IssuingBody { get; init; }

    /// <summary>Who issues it where it stands without its header (metadata, signature stamp).</summary>
    public string Organisation => string.IsNullOrWhiteSpace(ParentBody) ? IssuingBody : $"{IssuingBody} - {ParentBody}";

    /// <summary>"Số: 12/QĐ-LĐLĐ": type "QĐ" and the body's symbol.</summary>
    public required DocumentNumber Number { get; init; }

    public required IssuePlaceAndDate PlaceAndDate { get; init; }

    /// <summary>The summary line under "QUYẾT ĐỊNH", e.g. "Về việc công nhận danh hiệu …"; '\n' marks a wanted break.</summary>
    public required string Title { get; init; }

    /// <summary>The deciding authority printed in capitals above the legal bases, e.g. "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI".</summary>
    public required string Authority { get; init; }

    /// <summary>The "Căn cứ …;" lines, each a whole paragraph as printed.</summary>
    public IReadOnlyList<string> LegalBases { get; init; } = [];

    /// <summary>The articles, each starting "Điều 1. …"; the first says the list is attached.</summary>
    public required IReadOnlyList<string> Articles { get; init; }

    /// <summary>Nơi nhận, one recipient per line, without the leading "- " or the trailing ";".</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    public required ReportSignatory Signatory { get; init; }

    /// <summary>The annex heading under "DANH SÁCH", e.g. "Cơ quan đạt chuẩn văn hóa giai đoạn 2025–2026".</summary>
    public required string AnnexTitle { get; init; }

    /// <summary>
    /// Who the annex's "(Kèm theo Quyết định số … ngày … của …)" line names, in sentence case, e.g.
    /// "Ban Thường vụ Liên đoàn Lao động tỉnh Quảng Ngãi"; empty leaves out "của …".
    /// </summary>
    public string AnnexIssuedBy { get; init; } = string.Empty;

    /// <summary>The annex table on landscape pages (its six columns read better wide); the decision itself is portrait.</summary>
    public bool AnnexLandscape { get; init; } = true;

    /// <summary>The recognised agencies, in the order printed (STT is the position, from 1).</summary>
    public required IReadOnlyList<RecognitionDecisionRow> Annex { get; init; }
}

/// <summary>One line of the annex: cơ quan/đơn vị, địa bàn, điểm thẩm định, hình thức công nhận, giai đoạn.</summary>
/// <param name="AgencyName">As registered, e.g. "Văn phòng UBND tỉnh Quảng Ngãi".</param>
/// <param name="Place">The unit's name on the decision date, e.g. "Tỉnh Quảng Ngãi".</param>
/// <param name="AppraisedPoints">The final appraisal's points out of 100.</param>
/// <param name="Kind">"Công nhận lần đầu" or "Công nhận lại".</param>
/// <param name="Period">The years the recognition covers, e.g. "2025–2026".</param>
public sealed record RecognitionDecisionRow(string AgencyName, string Place, decimal AppraisedPoints, string Kind, string Period);
