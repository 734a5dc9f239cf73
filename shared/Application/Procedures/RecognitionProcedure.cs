namespace CulturalServerless.Application.Procedures;

/// <summary>
/// One unit's recognition procedure on one date, with every placeholder for its province and its
/// steering committee resolved ({year} and {count} remain, for <see cref="RecognitionDecisionComposer"/>).
/// </summary>
public sealed record RecognitionProcedure
{
    /// <summary>The configured procedure it comes from, e.g. "national-ldld-hd58-2022".</summary>
    public required string Id { get; init; }

    /// <summary>
    /// The unit whose configuration it is: the province ("51") for a national or provincial
    /// procedure, the commune ("51.21211") for one that names it. Its body numbers decisions in this unit's register.
    /// </summary>
    public required string Jurisdiction { get; init; }

    public required DateOnly ValidFrom { get; init; }

    /// <summary>The last day it applies; null while it is in force.</summary>
    public DateOnly? ValidUntil { get; init; }

    public required RecognisingBody Body { get; init; }

    /// <summary>The steering committee of the movement for the unit, e.g. "Ban Chỉ đạo Phong trào “…” tỉnh Quảng Ngãi".</summary>
    public required string SteeringCommittee { get; init; }

    /// <summary>The unit whose committee <see cref="SteeringCommittee"/> is: "51.21211" when a committee entry names the ward, else <see cref="Jurisdiction"/>.</summary>
    public required string SteeringCommitteeUnit { get; init; }

    /// <summary>The "Căn cứ …;" lines of a decision, as printed.</summary>
    public required IReadOnlyList<string> LegalBases { get; init; }

    /// <summary>First recognition after this many consecutive years that met the standard.</summary>
    public required int FirstRecognitionAfterYears { get; init; }

    /// <summary>Re-recognition every this many years.</summary>
    public required int ReRecognitionEveryYears { get; init; }

    public required ProcedureDeadlines Deadlines { get; init; }

    public required DecisionWording Wording { get; init; }

    /// <summary>The parts no source gives, set by this project as defaults (docs/procedures.md).</summary>
    public IReadOnlyList<string> Defaults { get; init; } = [];

    /// <summary>How many years a recognition of <paramref name="kind"/> covers.</summary>
    public int YearsCovered(RecognitionKind kind) =>
        kind == RecognitionKind.First ? FirstRecognitionAfterYears : ReRecognitionEveryYears;

    /// <summary>The period printed for a recognition of <paramref name="kind"/> in <paramref name="year"/>: the years it covers, ending then ("2024–2025").</summary>
    public string PeriodFor(RecognitionKind kind, int year)
    {
        var first = year - YearsCovered(kind) + 1;
        return first == year ? $"{year}" : $"{first}–{year}";
    }
}

/// <summary>
/// The body that recognises and signs the decision: "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI" under
/// "TỔNG LĐLĐ VIỆT NAM", numbers "…/QĐ-LĐLĐ", decided by its standing committee ("TM. BAN THƯỜNG VỤ")
/// and signed by its "CHỦ TỊCH", at "Quảng Ngãi".
/// </summary>
/// <param name="Name">The header's issuing body, in capitals.</param>
/// <param name="ParentBody">The header's line above it; empty when there is none.</param>
/// <param name="Symbol">The body's part of the document symbol: "LĐLĐ" in "12/QĐ-LĐLĐ".</param>
/// <param name="Authority">The deciding authority above the legal bases, in capitals.</param>
/// <param name="AuthorityInText">The same in running text, e.g. "Ban Thường vụ Liên đoàn Lao động tỉnh Quảng Ngãi".</param>
/// <param name="SignerTitle">e.g. "CHỦ TỊCH".</param>
/// <param name="AuthorityPrefix">e.g. "TM. BAN THƯỜNG VỤ"; empty when the signer decides in person.</param>
/// <param name="Place">The place of issue, e.g. "Quảng Ngãi".</param>
public sealed record RecognisingBody(
    string Name, string ParentBody, string Symbol, string Authority, string AuthorityInText, string SignerTitle, string AuthorityPrefix, string Place);

/// <summary>
/// The season's deadlines: the agencies' submission (a month and day of the assessed year), and
/// the days the appraisal and an answer to a request for explanation may take.
/// </summary>
public sealed record ProcedureDeadlines(int SubmissionMonth, int SubmissionDay, int AppraisalDays, int ExplanationAnswerDays)
{
    public DateOnly SubmissionDeadline(int year) => new(year, SubmissionMonth, Math.Min(SubmissionDay, DateTime.DaysInMonth(year, SubmissionMonth)));

    /// <summary>The day an answer to a request for explanation made on <paramref name="requested"/> is due.</summary>
    public DateOnly ExplanationDue(DateOnly requested) => requested.AddDays(ExplanationAnswerDays);

    public DateOnly AppraisalDue(DateOnly submitted) => submitted.AddDays(AppraisalDays);
}

/// <summary>The decision's words, with {year} and {count} left for the decision.</summary>
/// <param name="Title">The summary line under "QUYẾT ĐỊNH".</param>
/// <param name="Articles">"Điều 1. …" and the rest; the first says the list is attached.</param>
/// <param name="Recipients">Nơi nhận, without "- " and ";".</param>
/// <param name="AnnexTitle">The heading under "DANH SÁCH".</param>
/// <param name="FirstRecognition">The annex's "hình thức công nhận" for a first recognition.</param>
/// <param name="ReRecognition">The same for a re-recognition.</param>
public sealed record DecisionWording(
    string Title,
    IReadOnlyList<string> Articles,
    IReadOnlyList<string> Recipients,
    string AnnexTitle,
    string FirstRecognition,
    string ReRecognition)
{
    public string KindName(RecognitionKind kind) => kind == RecognitionKind.First ? FirstRecognition : ReRecognition;
}

/// <summary>First recognition (công nhận lần đầu) or re-recognition (công nhận lại).</summary>
public enum RecognitionKind
{
    First,
    ReRecognition,
}
