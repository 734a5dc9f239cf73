using CulturalServerless.Application.Access;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Procedures;

namespace CulturalServerless.Application.Decisions;

/// <summary>
/// A recognition decision (quyết định công nhận) as stored in the <c>decisions</c> container: who
/// asked for it, its number in the recognising body's register, the agencies it lists with what
/// each is recognised for, and its signed document. Created whole in one write with its number
/// already taken; the renderer then only adds the signed PDF.
/// </summary>
public sealed record RecognitionDecisionRecord
{
    public const string DocumentType = "decision";

    public required string Id { get; init; }
    public string Type { get; init; } = DocumentType;

    /// <summary>The jurisdiction the decision is issued for; the recognising body is that of its province on <see cref="Date"/>.</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>The last year of the periods it recognises (the year whose appraisal completes them).</summary>
    public required int Year { get; init; }

    public required DateOnly Date { get; init; }
    public required string SignerName { get; init; }

    /// <summary>The procedure it follows (<see cref="RecognitionProcedure.Id"/>), kept so a later change of configuration is seen.</summary>
    public required string ProcedureId { get; init; }

    /// <summary>The register it is numbered in (<see cref="DecisionKeys.RegisterOf"/>) and its number there.</summary>
    public required string Register { get; init; }
    public required int Sequence { get; init; }
    public required string DocumentNumber { get; init; }

    public required IReadOnlyList<DecisionAgency> Agencies { get; init; }

    /// <summary>The listed agencies' ids, flat, for the query of an agency's decisions.</summary>
    public required IReadOnlyList<string> AgencyIds { get; init; }

    public required string IdempotencyKey { get; init; }
    public required string RequestHash { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public required Actor RequestedBy { get; init; }

    /// <summary>The signed document, in the report's shape (requested → ready, or failed with the reason).</summary>
    public required VersionReport Document { get; init; }
}

/// <summary>One agency a decision lists: as the annex prints it, and the years it covers.</summary>
public sealed record DecisionAgency(
    string AgencyId, string AgencyName, string Jurisdiction, string Place, decimal AppraisedPoints, RecognitionKind Kind, int FromYear, int ToYear)
{
    public string Period => FromYear == ToYear ? $"{ToYear}" : $"{FromYear}–{ToYear}";
}
