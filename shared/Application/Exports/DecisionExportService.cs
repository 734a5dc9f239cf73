using CulturalServerless.Application.Access;
using CulturalServerless.Application.Decisions;
using CulturalServerless.Application.Problems;
using CulturalServerless.Application.Procedures;
using CulturalServerless.Exports;
using CulturalServerless.Validation;

namespace CulturalServerless.Application.Exports;

/// <summary>
/// A decision's annex as a spreadsheet (<c>GET /api/decisions/{id}/export</c>): the agencies it
/// lists, in its order, with the columns of the printed "DANH SÁCH". Whoever may read the decision
/// may export it. A decision lists at most a few thousand agencies and is one document, so its rows
/// are in hand already; the writers stream them as they do any table.
/// </summary>
public sealed class DecisionExportService(DecisionService decisions)
{
    public const string Sheet = "Danh sách";

    public static IReadOnlyList<ExportColumn<DecisionAgencyView>> Columns { get; } =
    [
        new("Mã cơ quan", 16, a => ExportCell.Of(a.AgencyId)),
        new("Cơ quan/đơn vị", 40, a => ExportCell.Of(a.AgencyName)),
        new("Địa bàn", 20, a => ExportCell.Of(a.Place)),
        new("Mã địa bàn", 12, a => ExportCell.Of(a.Jurisdiction)),
        new("Điểm thẩm định", 8, a => ExportCell.Of(a.AppraisedPoints)),
        new("Hình thức công nhận", 18, a => ExportCell.Of(a.RecognitionKind == RecognitionKind.First ? "Công nhận lần đầu" : "Công nhận lại")),
        new("Giai đoạn", 10, a => ExportCell.Of(a.Period)),
    ];

    public async Task<TableExport> PrepareAsync(Caller caller, string id, string? format, CancellationToken cancellationToken)
    {
        var problems = new ValidationProblemList();
        if (TableExport.ParseFormat(format, problems) is not { } exportFormat)
        {
            throw new ApiProblemException(ProblemType.InvalidParameter, "Tham số truy vấn không hợp lệ.", problems.ToResult().Problems);
        }
        var decision = await decisions.GetAsync(caller, id, cancellationToken);
        var sheet = new ExportSheet<DecisionAgencyView>(Sheet, Columns, _ => decision.Agencies.ToAsyncEnumerable(), decision.Agencies);
        var name = $"danh-sach-{decision.DocumentNumber.Replace('/', '-')}.{ExportFormats.Extension(exportFormat)}";
        return new TableExport(exportFormat, name, [sheet]);
    }
}
