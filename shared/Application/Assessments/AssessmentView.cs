using CulturalServerless.Application.Concurrency;
using CulturalServerless.Scoring;
using CulturalServerless.Scoring.Submissions;

namespace CulturalServerless.Application.Assessments;

/// <summary>
/// An assessment version as the API shows it: the status of the agency-year, the version's
/// totals and verdict, the per-sub-criterion results with explanations, what was submitted, the
/// report state and the history.
/// </summary>
public sealed record AssessmentView
{
    public required string AgencyId { get; init; }
    public required int Year { get; init; }

    /// <summary>Where the assessment is listed and read: its agency's current jurisdiction.</summary>
    public required string Jurisdiction { get; init; }

    public required int Version { get; init; }
    public required int LatestVersion { get; init; }
    public required AssessmentStatus Status { get; init; }

    /// <summary>True for an official version that a later one replaced; its report stays downloadable and verifiable.</summary>
    public bool Superseded => Version < LatestVersion;

    /// <summary>The number and date the version took in the agency's register at submission.</summary>
    public required DocumentIssue Issue { get; init; }

    // The version's own totals, read from its results rather than copied beside them.
    public string RubricId => Results.RubricId;
    public decimal? SelfTotal => Results.SelfTotal;
    public decimal ComputedTotal => Results.Total;
    public Verdict Verdict => Results.Verdict;

    public required ScoreResult Results { get; init; }
    public required AssessmentSubmission Submission { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required VersionReport Report { get; init; }
    public required IReadOnlyList<HistoryEntry> History { get; init; }

    /// <summary>Where the committee's appraisal stands; its reasons are the written refusal when it did not meet the standard. Null until it starts.</summary>
    public AppraisalSummary? Appraisal { get; init; }

    public static AssessmentView From(AssessmentHead head, AssessmentVersion version) => new()
    {
        AgencyId = version.AgencyId,
        Year = version.Year,
        Jurisdiction = head.Jurisdiction,
        Version = version.Version,
        LatestVersion = head.LatestVersion,
        Status = head.Status,
        Issue = version.Issue,
        Results = version.Score,
        Submission = version.Submission,
        SubmittedAt = version.SubmittedAt,
        Report = version.Report,
        History = head.History,
        Appraisal = AppraisalSummary.Of(head.Appraisal),
    };
}

/// <summary>One row of the steering committee's list.</summary>
public sealed record AssessmentSummary(
    string AgencyId, string AgencyName, string Jurisdiction, int Year, int Version, AssessmentStatus Status,
    string RubricId, decimal? SelfTotal, decimal ComputedTotal, Verdict Verdict, ReportState ReportState, DateTimeOffset UpdatedAt)
{
    /// <summary>The appraisal's state, null until it starts.</summary>
    public AppraisalState? AppraisalState { get; init; }
    public decimal? AppraisedTotal { get; init; }
    public AppraisalResult? AppraisalResult { get; init; }

    public static AssessmentSummary From(AssessmentHead head) => new(
        head.AgencyId, head.AgencyName, head.Jurisdiction, head.Year, head.LatestVersion, head.Status,
        head.RubricId, head.SelfTotal, head.ComputedTotal, head.Verdict, head.Report.State, head.UpdatedAt)
    {
        AppraisalState = head.Appraisal?.State,
        AppraisedTotal = head.Appraisal?.AppraisedTotal,
        AppraisalResult = head.Appraisal?.Result,
    };
}

/// <summary>The outcome of a submission: the stored version, and whether it is the replay of an earlier request.</summary>
public sealed record SubmissionOutcome(Stored<AssessmentView> Assessment, bool Replayed);
