namespace CulturalServerless.Reports;

/// <summary>
/// Everything printed on an agency's yearly "Cơ quan đạt chuẩn văn hóa" report, in the order of the
/// Decree 30/2020 layout: header, sections I–IV, recipients and signature, then the scoring annex.
/// Plain data, independent of the scoring model, so any source (a mapper, a test) can fill it.
/// </summary>
public sealed record OfficialReport
{
    /// <summary>The body the issuer belongs to, e.g. "UBND TỈNH QUẢNG NGÃI"; empty when there is none.</summary>
    public string ParentBody { get; init; } = string.Empty;

    /// <summary>The issuing agency, e.g. "VĂN PHÒNG".</summary>
    public required string IssuingBody { get; init; }

    /// <summary>
    /// Who issues the report where it stands without its header, in the document's metadata and the
    /// signature stamp: the issuing body with its parent ("VĂN PHÒNG - UBND TỈNH QUẢNG NGÃI"), since
    /// the header's short name alone does not say which office.
    /// </summary>
    public string Organisation => string.IsNullOrWhiteSpace(ParentBody) ? IssuingBody : $"{IssuingBody} - {ParentBody}";

    public required DocumentNumber Number { get; init; }

    public required IssuePlaceAndDate PlaceAndDate { get; init; }

    /// <summary>The summary line (trích yếu); a '\n' marks where the author wants the line broken.</summary>
    public required string Title { get; init; }

    /// <summary>I. TÌNH HÌNH CHUNG.</summary>
    public IReadOnlyList<string> GeneralSituation { get; init; } = [];

    /// <summary>II. KẾT QUẢ THỰC HIỆN, one section per criterion.</summary>
    public IReadOnlyList<CriterionSection> Criteria { get; init; } = [];

    /// <summary>III. NHẬN XÉT, ĐÁNH GIÁ: one bullet paragraph each.</summary>
    public IReadOnlyList<string> Remarks { get; init; } = [];

    /// <summary>Kiến nghị; none is printed as "Không".</summary>
    public IReadOnlyList<string> Recommendations { get; init; } = [];

    /// <summary>IV. TỔNG ĐIỂM TỰ CHẤM.</summary>
    public required ReportConclusion Conclusion { get; init; }

    /// <summary>Rows of the scoring table in the annex; no rows, no annex.</summary>
    public IReadOnlyList<AnnexRow> Annex { get; init; } = [];

    /// <summary>Nơi nhận, one recipient per line, without the leading "- " or the trailing ";".</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    public required ReportSignatory Signatory { get; init; }
}
