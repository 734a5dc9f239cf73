using System.Text;
using System.Text.Json.Serialization;
using CulturalServerless.Scoring.Indicators;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring.Rules;

/// <summary>
/// A rule of a sub-criterion, reading one indicator. Point rules (threshold, proportional, per-unit)
/// each award up to their <see cref="Points"/>, which add up to the item's maximum; gate rules
/// (zero-tolerance, knock-out) award nothing themselves and take the item to zero when violated.
/// In JSON the "kind" property comes first and says which rule it is.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ThresholdRule), "threshold")]
[JsonDerivedType(typeof(ZeroToleranceRule), "zero-tolerance")]
[JsonDerivedType(typeof(ProportionalRule), "proportional")]
[JsonDerivedType(typeof(KnockOutRule), "knock-out")]
[JsonDerivedType(typeof(PerUnitRule), "per-unit")]
public abstract record ScoringRule
{
    public required string Indicator { get; init; }

    [JsonIgnore]
    public abstract RuleKind Kind { get; }

    /// <summary>True for rules that award points; false for gates.</summary>
    [JsonIgnore]
    public abstract bool AwardsPoints { get; }

    /// <summary>The most this rule awards (0 for gates).</summary>
    [JsonIgnore]
    public virtual decimal MaxAward => 0m;

    /// <summary>
    /// Scores one reading and appends a Vietnamese explanation of the step taken. Only called with a
    /// value of the right kind: the engine handles missing figures itself.
    /// </summary>
    internal abstract RuleOutcome Evaluate(IndicatorValue value, IndicatorDefinition indicator, StringBuilder explanation);

    /// <summary>Checks the rule's own figures against its indicator; the validator has already checked the reference.</summary>
    internal abstract void Check(IndicatorDefinition indicator, string path, ValidationProblemList problems);
}
