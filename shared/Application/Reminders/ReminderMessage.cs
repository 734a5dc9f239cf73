using CulturalServerless.Application.Assessments;
using System.Globalization;

namespace CulturalServerless.Application.Reminders;

/// <summary>
/// The JSON body posted to a webhook: the record's facts (not its delivery state) and a sentence a
/// portal can show as it is. <see cref="Id"/> equals the <c>X-Cultural-Delivery</c> header, so a
/// receiver can drop a delivery it has already seen.
/// </summary>
public sealed record ReminderMessage(
    string Id,
    ReminderEvent Event,
    int Year,
    string? AgencyId,
    string? AgencyName,
    string Jurisdiction,
    string Stage,
    DateOnly Deadline,
    int DaysLeft,
    MissingReason? Reason,
    int? MissingCount,
    IReadOnlyList<MissingAgency>? MissingAgencies,
    AppraisalCounts? Appraisals,
    string Message)
{
    public static ReminderMessage Of(Reminder record) => new(
        record.Id, record.Event, record.Year, record.AgencyId, record.AgencyName, record.Jurisdiction, record.Stage,
        record.Deadline, record.DaysLeft, record.Reason, record.MissingCount, record.MissingAgencies, record.Appraisals, Text(record));

    private static string Text(Reminder record)
    {
        var deadline = record.Deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var when = record.DaysLeft switch
        {
            > 0 => $"còn {record.DaysLeft} ngày đến hạn {deadline}",
            0 => $"hôm nay là hạn cuối ({deadline})",
            _ => $"đã quá hạn {deadline} {-record.DaysLeft} ngày",
        };
        if (record.Event == ReminderEvent.CommitteeDigest)
        {
            var appraised = record.Appraisals is { Submitted: > 0 } a
                ? $" Thẩm định: {a.NotStarted} chưa bắt đầu, {a.FirstRound + a.SecondRound} đang thẩm định, {a.ExplanationRequested} chờ giải trình, {a.Met} đạt chuẩn, {a.NotMet} không đạt."
                : "";
            return $"Tự đánh giá năm {record.Year}: {record.MissingCount} cơ quan thuộc địa bàn {record.Jurisdiction} chưa hoàn thành; {when}.{appraised}";
        }
        var what = record.Reason == MissingReason.ReportFailed
            ? $"báo cáo tự đánh giá năm {record.Year} chưa tạo được, đề nghị kiểm tra và nộp lại"
            : $"cơ quan chưa nộp tự đánh giá năm {record.Year}";
        return $"{record.AgencyName}: {what}; {when}.";
    }
}
