using CulturalServerless.Application.Access;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Procedures;

namespace CulturalServerless.Application.Decisions;

/// <summary>A recognition decision as <c>GET /api/decisions/{id}</c> shows it.</summary>
public sealed record DecisionView(
    string Id,
    ReportState State,
    string Jurisdiction,
    int Year,
    string DocumentNumber,
    DateOnly Date,
    string SignerName,
    IReadOnlyList<DecisionAgencyView> Agencies,
    DateTimeOffset RequestedAt,
    Actor RequestedBy,
    DateTimeOffset? SignedAt,
    string? Sha256,
    string? FailureReason)
{
    public static DecisionView From(RecognitionDecisionRecord decision) => new(
        decision.Id, decision.Document.State, decision.Jurisdiction, decision.Year, decision.DocumentNumber, decision.Date, decision.SignerName,
        [.. decision.Agencies.Select(a => new DecisionAgencyView(a.AgencyId, a.AgencyName, a.Jurisdiction, a.AppraisedPoints, a.Kind, a.Period, a.Place))],
        decision.RequestedAt, decision.RequestedBy, decision.Document.SignedAt, decision.Document.Sha256, decision.Document.FailureReason);
}

/// <param name="Place">The unit's name as the decision prints it in its annex.</param>
public sealed record DecisionAgencyView(string AgencyId, string AgencyName, string Jurisdiction, decimal AppraisedPoints, RecognitionKind RecognitionKind, string Period, string Place);

/// <summary>The outcome of <c>POST /api/decisions</c>: the decision, and whether it is the replay of an earlier request.</summary>
public sealed record DecisionOutcome(DecisionView Decision, bool Replayed);
