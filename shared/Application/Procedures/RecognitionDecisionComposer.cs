using System.Globalization;
using CulturalServerless.Reports;
using CulturalServerless.Reports.Decisions;

namespace CulturalServerless.Application.Procedures;

/// <summary>One agency a decision recognises, as the appraisal supplies it.</summary>
/// <param name="AgencyName">As registered.</param>
/// <param name="Place">The agency's unit on the decision date, e.g. "Phường Cẩm Thành".</param>
/// <param name="AppraisedPoints">The final appraisal's points.</param>
/// <param name="Kind">First recognition or re-recognition.</param>
/// <param name="Period">The years covered; null prints the procedure's period ending in the decision's year.</param>
public sealed record RecognitionEntry(string AgencyName, string Place, decimal AppraisedPoints, RecognitionKind Kind, string? Period = null);

/// <summary>
/// Builds the <see cref="RecognitionDecision"/> that <see cref="DecisionRenderer"/> prints from a
/// procedure and the decision's data alone: its number in the body's register, date, signer,
/// the year recognised and the agencies. The wording, legal bases, recipients and body are the
/// procedure's, with {year} and {count} filled in.
/// </summary>
public static class RecognitionDecisionComposer
{
    public static RecognitionDecision Compose(
        RecognitionProcedure procedure, int? sequence, DateOnly date, string signerName, int year, IReadOnlyList<RecognitionEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentException.ThrowIfNullOrWhiteSpace(signerName);
        var body = procedure.Body;
        var wording = procedure.Wording;
        var fill = Filler(year, entries.Count);
        return new RecognitionDecision
        {
            ParentBody = body.ParentBody,
            IssuingBody = body.Name,
            Number = DocumentNumber.OfDecision(sequence, body.Symbol),
            PlaceAndDate = new IssuePlaceAndDate(body.Place, date),
            Title = fill(wording.Title),
            Authority = body.Authority,
            LegalBases = procedure.LegalBases.Select(fill).ToList(),
            Articles = wording.Articles.Select(fill).ToList(),
            Recipients = wording.Recipients.Select(fill).ToList(),
            Signatory = new ReportSignatory(body.SignerTitle, signerName)
            {
                AuthorityPrefix = string.IsNullOrWhiteSpace(body.AuthorityPrefix) ? null : body.AuthorityPrefix,
            },
            AnnexTitle = fill(wording.AnnexTitle),
            AnnexIssuedBy = body.AuthorityInText,
            Annex = entries.Select(entry => new RecognitionDecisionRow(
                entry.AgencyName,
                entry.Place,
                entry.AppraisedPoints,
                wording.KindName(entry.Kind),
                entry.Period ?? procedure.PeriodFor(entry.Kind, year))).ToList(),
        };
    }

    private static Func<string, string> Filler(int year, int count)
    {
        var y = year.ToString(CultureInfo.InvariantCulture);
        var n = count.ToString(CultureInfo.InvariantCulture);
        return text => text.Replace("{year}", y, StringComparison.Ordinal).Replace("{count}", n, StringComparison.Ordinal);
    }
}
