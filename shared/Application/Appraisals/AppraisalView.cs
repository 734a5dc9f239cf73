using CulturalServerless.Application.Access;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Scoring;
using CulturalServerless.Scoring.Rubrics;

namespace CulturalServerless.Application.Appraisals;

/// <summary>
/// An appraisal as the API shows it: its state and result, the appraised total beside the self
/// and computed totals, and each sub-item with its self score, computed points and what each round
/// of the appraisal gave it, so the committee and the agency see item by item where they differ.
/// </summary>
public sealed record AppraisalView
{
    public required string AgencyId { get; init; }
    public required int Year { get; init; }
    public required AppraisalState State { get; init; }
    public required int Round { get; init; }

    /// <summary>The version the points were recorded against, and the latest: when they differ the agency corrected its assessment since.</summary>
    public required int Version { get; init; }
    public required int LatestVersion { get; init; }
    public bool Outdated => Version < LatestVersion;

    public AppraisalResult? Result { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public required decimal AppraisedTotal { get; init; }
    public decimal? SelfTotal { get; init; }
    public required decimal ComputedTotal { get; init; }
    public required decimal MaxTotal { get; init; }
    public required decimal PassThreshold { get; init; }
    public required IReadOnlyList<AppraisalItemView> Items { get; init; }
    public ExplanationRequest? ExplanationRequest { get; init; }
    public ExplanationAnswer? ExplanationAnswer { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required Actor StartedBy { get; init; }
    public DateTimeOffset? FinalizedAt { get; init; }
    public Actor? FinalizedBy { get; init; }

    /// <summary>The appraisal's steps in the assessment's history.</summary>
    public required IReadOnlyList<HistoryEntry> History { get; init; }

    public static AppraisalView From(AssessmentHead head, AssessmentAppraisal appraisal, ScoreResult score)
    {
        var marks = appraisal.Items.ToDictionary(i => i.Code, StringComparer.Ordinal);
        return new AppraisalView
        {
            AgencyId = head.AgencyId,
            Year = head.Year,
            State = appraisal.State,
            Round = appraisal.Round,
            Version = appraisal.Version,
            LatestVersion = head.LatestVersion,
            Result = appraisal.Result,
            Reasons = appraisal.Reasons,
            AppraisedTotal = appraisal.AppraisedTotal,
            SelfTotal = score.SelfTotal,
            ComputedTotal = score.Total,
            MaxTotal = score.MaxTotal,
            PassThreshold = score.PassThreshold,
            Items = [.. score.SubCriteria.Select(s => AppraisalItemView.From(s, marks.GetValueOrDefault(s.Code)))],
            ExplanationRequest = appraisal.ExplanationRequest,
            ExplanationAnswer = appraisal.ExplanationAnswer,
            StartedAt = appraisal.StartedAt,
            StartedBy = appraisal.StartedBy,
            FinalizedAt = appraisal.FinalizedAt,
            FinalizedBy = appraisal.FinalizedBy,
            History = [.. head.History.Where(e => AppraisalService.Actions.Contains(e.Action))],
        };
    }
}

/// <summary>One sub-item: self score, computed points and the appraisal's, with the difference from the self score.</summary>
public sealed record AppraisalItemView(
    string Code, string CriterionCode, string Title, ItemKind Kind, decimal MaxPoints, decimal? SelfScore, decimal ComputedPoints,
    RoundMark? FirstRound, RoundMark? SecondRound)
{
    /// <summary>The points that count (the second round's where there is one); null until appraised.</summary>
    public decimal? AppraisedPoints => SecondRound?.Points ?? FirstRound?.Points;

    /// <summary>Appraised minus self-assessed points; null when either is missing.</summary>
    public decimal? DifferenceFromSelf => AppraisedPoints is { } appraised && SelfScore is { } self ? appraised - self : null;

    public bool DiffersFromSelf => DifferenceFromSelf is { } difference && difference != 0;

    /// <summary>Appraised minus the points the system computed from the figures; null until appraised.</summary>
    public decimal? DifferenceFromComputed => AppraisedPoints is { } appraised ? appraised - ComputedPoints : null;

    public static AppraisalItemView From(SubCriterionScore score, AppraisedItem? mark) => new(
        score.Code, score.CriterionCode, score.Title, score.Kind, score.MaxPoints, score.SelfScore, score.Points, mark?.First, mark?.Second);
}
