using CulturalServerless.Scoring.Rubrics;
using CulturalServerless.Scoring.Rules;

namespace CulturalServerless.Scoring;

/// <summary>
/// The computed result of one sub-criterion: its points, the rule that decided them (a violated
/// gate, else the first point rule) and the Vietnamese explanation of every rule applied.
/// For a penalty item <see cref="Points"/> is the deduction, a positive number.
/// </summary>
public sealed record SubCriterionScore(
    string Code,
    string CriterionCode,
    string Title,
    ItemKind Kind,
    decimal MaxPoints,
    decimal? SelfScore,
    decimal Points,
    RuleKind Rule,
    string Explanation,
    IReadOnlyList<ScoreFlag> Flags);
