using CulturalServerless.Application.Assessments;
using CulturalServerless.Exports;
using CulturalServerless.Scoring;

namespace CulturalServerless.Application.Exports;

/// <summary>The export's sheets: their names and columns, headed in Vietnamese as committee staff read them.</summary>
public static class AssessmentExportColumns
{
    public const string SummarySheet = "Tự đánh giá";
    public const string CriteriaSheet = "Điểm theo tiêu chí";

    public static IReadOnlyList<ExportColumn<AssessmentExportRow>> Summary { get; } =
    [
        new("Mã cơ quan", 16, r => ExportCell.Of(r.AgencyId)),
        new("Tên cơ quan", 40, r => ExportCell.Of(r.AgencyName)),
        new("Đơn vị (mã địa bàn)", 12, r => ExportCell.Of(r.Unit)),
        new("Năm", 6, r => ExportCell.Of(r.Year)),
        new("Phiên bản", 6, r => ExportCell.Of(r.Version)),
        new("Trạng thái", 16, r => ExportCell.Of(StatusLabel(r.Status))),
        new("Điểm tự chấm", 8, r => ExportCell.Of(r.SelfTotal)),
        new("Điểm hệ thống tính", 8, r => ExportCell.Of(r.ComputedTotal)),
        new("Kết quả theo điểm tính", 10, r => ExportCell.Of(VerdictLabel(r.Verdict))),
        new("Điểm thẩm định", 8, r => ExportCell.Of(r.Appraisal?.AppraisedTotal)),
        new("Kết quả thẩm định", 16, r => ExportCell.Of(AppraisalLabel(r.Appraisal))),
        new("Số văn bản", 14, r => ExportCell.Of(r.DocumentNumber)),
        new("Báo cáo (API)", 40, r => ExportCell.Of(r.ReportLink)),
    ];

    public static IReadOnlyList<ExportColumn<CriterionExportRow>> Criteria { get; } =
    [
        new("Mã cơ quan", 16, r => ExportCell.Of(r.AgencyId)),
        new("Tên cơ quan", 40, r => ExportCell.Of(r.AgencyName)),
        new("Đơn vị (mã địa bàn)", 12, r => ExportCell.Of(r.Unit)),
        new("Năm", 6, r => ExportCell.Of(r.Year)),
        new("Phiên bản", 6, r => ExportCell.Of(r.Version)),
        new("Tiêu chí", 6, r => ExportCell.Of(r.Code)),
        new("Nội dung tiêu chí", 50, r => ExportCell.Of(r.Title)),
        new("Điểm tối đa", 8, r => ExportCell.Of(r.MaxPoints)),
        new("Điểm hệ thống tính", 8, r => ExportCell.Of(r.Points)),
        new("Điểm tự chấm", 8, r => ExportCell.Of(r.SelfScore)),
    ];

    public static string StatusLabel(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Submitted => "Đã nộp",
        AssessmentStatus.Scored => "Đã chấm điểm",
        AssessmentStatus.ReportReady => "Đã có báo cáo",
        AssessmentStatus.ReportFailed => "Lỗi tạo báo cáo",
        _ => status.ToString(),
    };

    public static string VerdictLabel(Verdict verdict) => verdict == Verdict.Passed ? "Đạt" : "Không đạt";

    /// <summary>The final result, or where the appraisal stands while it is under way; empty before it starts.</summary>
    public static string? AppraisalLabel(AssessmentAppraisal? appraisal) => appraisal switch
    {
        null => null,
        { Result: AppraisalResult.Meets } => "Đạt chuẩn",
        { Result: AppraisalResult.DoesNotMeet } => "Không đạt chuẩn",
        { State: AppraisalState.ExplanationRequested } => "Chờ giải trình",
        _ => "Đang thẩm định",
    };
}
