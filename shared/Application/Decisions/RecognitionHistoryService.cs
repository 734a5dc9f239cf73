using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Procedures;
using CulturalServerless.Calendar;

namespace CulturalServerless.Application.Decisions;

/// <summary>An agency's recognition history: its decisions, each year's appraisal outcome, and what it is next eligible for.</summary>
public sealed record RecognitionHistory(
    string AgencyId,
    string AgencyName,
    IReadOnlyList<RecognitionRecordView> Decisions,
    IReadOnlyList<int> YearsMet,
    IReadOnlyList<YearOutcome> Years,
    NextRecognition Next,
    int FirstRecognitionAfterYears,
    int ReRecognitionEveryYears);

/// <summary>One decision listing the agency: its number, date, state, and what it recognised.</summary>
public sealed record RecognitionRecordView(string DecisionId, string DocumentNumber, DateOnly Date, ReportState State, RecognitionKind RecognitionKind, string Period, decimal AppraisedPoints);

/// <summary>One year's assessment: whether it was submitted, its appraisal state and result.</summary>
public sealed record YearOutcome(int Year, AppraisalState? AppraisalState, AppraisalResult? Result, decimal? AppraisedTotal);

/// <summary>The next recognition: its kind, the year whose appraisal completes it, the period, and whether it can be decided now.</summary>
public sealed record NextRecognition(RecognitionKind RecognitionKind, int Year, string Period, bool EligibleNow, IReadOnlyList<int> YearsStillNeeded);

public sealed class RecognitionHistoryService(
    AgencyService agencies, IAssessmentStore assessments, IDecisionStore decisions, IRecognitionProcedures procedures, TimeProvider clock)
{
    public async Task<RecognitionHistory> GetAsync(Caller caller, string agencyId, CancellationToken cancellationToken)
    {
        var agency = (await agencies.GetAsync(caller, agencyId, cancellationToken)).Value;
        var heads = await assessments.ListHeadsOfAgencyAsync(agency.Id, cancellationToken);
        var listing = (await decisions.ListForAgencyAsync(agency.Id, cancellationToken)).Where(d => d.Document.State != ReportState.Failed).ToList();
        var today = VietnamCalendar.Today(clock);
        var procedure = procedures.For(agency.Jurisdiction, today);
        var met = DecisionService.MetYears(heads);
        var failed = heads.Where(h => h.Appraisal is { State: AppraisalState.Final, Result: AppraisalResult.DoesNotMeet }).Select(h => h.Year).ToHashSet();
        var records = listing.SelectMany(d => d.Agencies.Where(a => a.AgencyId == agency.Id)
            .Select(a => new RecognitionRecordView(d.Id, d.DocumentNumber, d.Date, d.Document.State, a.Kind, a.Period, a.AppraisedPoints))).ToList();
        var prior = listing.SelectMany(d => d.Agencies.Where(a => a.AgencyId == agency.Id).Select(a => new PriorRecognition(a.Kind, a.FromYear, a.ToYear, d.Id))).ToList();
        // The year before today's is still being appraised (recognition follows in the first quarter).
        var next = RecognitionEligibility.Next(today.Year - 1, met, failed, prior, procedure.FirstRecognitionAfterYears, procedure.ReRecognitionEveryYears);
        return new RecognitionHistory(
            agency.Id, agency.Name, records, [.. met.Order()],
            [.. heads.Select(h => new YearOutcome(h.Year, h.Appraisal?.State, h.Appraisal?.Result, h.Appraisal?.AppraisedTotal))],
            new NextRecognition(next.Kind, next.ToYear, RecognitionEligibility.Period(next.FromYear, next.ToYear), next.Eligible, next.MissingYears),
            procedure.FirstRecognitionAfterYears, procedure.ReRecognitionEveryYears);
    }
}
