using System.Globalization;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Procedures;
using CulturalServerless.Reports;
using CulturalServerless.Scoring;

namespace CulturalServerless.Application.Reports;

/// <summary>
/// Turns a scored assessment snapshot into the official report of the seed's shape: the agency's
/// own words in sections I–IV, the score table in the annex, its registration in the header and
/// signature block. The header's bodies, the place and the committee asked come from the agency's
/// registration period of the assessed year (its last day, or the issue date if earlier), so a
/// report for a past year names the bodies as they were then, not after a later move or merger.
/// An agency that named no committee asks the one configured for its unit on that date
/// (<see cref="IRecognitionProcedures"/>: the commune's, else the province's).
/// </summary>
public static class OfficialReportMapper
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The movement's committee, for an agency that has not named its own where no procedure is configured.</summary>
    public const string DefaultCommittee = "Ban chỉ đạo Toàn dân đoàn kết xây dựng đời sống văn hóa";

    public static OfficialReport Map(ReportRequest request, int documentNumber, DateOnly issueDate, IRecognitionProcedures procedures)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        var agency = request.Agency;
        var lastDay = new DateOnly(request.Year, 12, 31);
        var registrationDate = issueDate < lastDay ? issueDate : lastDay;
        var then = agency.On(registrationDate);
        var committee = then.SteeringCommittee ?? ConfiguredCommittee(procedures, then.Jurisdiction, registrationDate);
        var submission = request.Submission;
        var score = request.Score;
        var year = request.Year.ToString(CultureInfo.InvariantCulture);
        var passed = score.Verdict == Verdict.Passed;
        return new OfficialReport
        {
            ParentBody = then.ParentBody.ToUpper(Vietnamese),
            IssuingBody = (then.HeaderName ?? then.Name).ToUpper(Vietnamese),
            Number = DocumentNumber.OfReport(documentNumber, agency.Symbol),
            PlaceAndDate = new IssuePlaceAndDate(then.PlaceName, issueDate),
            Title = $"Xây dựng cơ quan {then.Name}\nđạt chuẩn văn hóa năm {year}",
            GeneralSituation = Paragraphs(submission.GeneralSituation),
            Criteria = score.Criteria.Select(criterion => new CriterionSection(
                criterion.Code,
                criterion.Title,
                score.SubCriteria
                    .Where(item => item.CriterionCode == criterion.Code)
                    .Select(item =>
                    {
                        var reported = submission.Criteria.GetValueOrDefault(item.Code);
                        return new CriterionItemReport(item.Code, Paragraphs(reported?.Narrative))
                        {
                            EvidenceReferences = reported?.Evidence ?? [],
                        };
                    })
                    .ToList()))
                .ToList(),
            Remarks = submission.Remarks,
            Recommendations = Paragraphs(submission.Recommendations),
            Conclusion = new ReportConclusion(
                score.SelfTotal ?? score.Total,
                score.MaxTotal,
                passed ? $"đạt cơ quan văn hóa năm {year}" : $"chưa đạt cơ quan văn hóa năm {year}",
                $"Đề nghị {committee} xem xét, công nhận cơ quan văn hóa năm {year} đối với {then.Name}./."),
            Annex = Annex(score),
            Recipients = submission.Recipients,
            Signatory = new ReportSignatory(agency.Signer.Title.ToUpper(Vietnamese), agency.Signer.Name)
            {
                AuthorityPrefix = agency.Signer.AuthorityPrefix,
            },
        };
    }

    private static string ConfiguredCommittee(IRecognitionProcedures procedures, string jurisdiction, DateOnly date)
    {
        try
        {
            return procedures.For(jurisdiction, date).SteeringCommittee;
        }
        catch (ProcedureNotFoundException)
        {
            return DefaultCommittee;
        }
    }

    private static List<AnnexRow> Annex(ScoreResult score)
    {
        var rows = new List<AnnexRow>();
        foreach (var criterion in score.Criteria)
        {
            rows.Add(new AnnexRow(criterion.Code, criterion.Title, criterion.MaxPoints, criterion.SelfScore, criterion.Points, string.Empty) { IsGroup = true });
            rows.AddRange(score.SubCriteria
                .Where(item => item.CriterionCode == criterion.Code)
                .Select(item => new AnnexRow(item.Code, item.Title, item.MaxPoints, item.SelfScore, item.Points, item.Explanation)));
        }
        rows.Add(new AnnexRow(string.Empty, "Tổng cộng", score.MaxTotal, score.SelfTotal, score.Total,
            score.Verdict == Verdict.Passed ? "Đạt" : "Không đạt: " + string.Join("; ", score.Reasons.Select(r => r.Message)))
        { IsGroup = true });
        return rows;
    }

    /// <summary>Paragraphs as the agency wrote them: split at blank lines, each trimmed.</summary>
    private static List<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
