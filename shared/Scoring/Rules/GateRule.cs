using System.Text;
using System.Text.Json.Serialization;
using CulturalServerless.Scoring.Indicators;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring.Rules;

/// <summary>
/// A rule that awards nothing and is either kept or violated. A count or amount violates it when
/// above <see cref="Allowed"/> (0 unless the rubric says otherwise); a yes/no fact when it differs
/// from <see cref="Expected"/>.
/// </summary>
public abstract record GateRule : ScoringRule
{
    public bool? Expected { get; init; }
    public decimal Allowed { get; init; }

    [JsonIgnore]
    public override bool AwardsPoints => false;

    public bool IsViolated(IndicatorValue value) =>
        value.Type == IndicatorValueType.Boolean ? value.Boolean != Expected : value.IsAbove(Allowed);

    internal override RuleOutcome Evaluate(IndicatorValue value, IndicatorDefinition indicator, StringBuilder explanation)
    {
        explanation.Append(indicator.Title).Append(": ").AppendValue(value, indicator);
        if (!IsViolated(value))
        {
            explanation.Append(" → đạt");
            return RuleOutcome.Passed;
        }
        if (value.Type != IndicatorValueType.Boolean)
        {
            explanation.Append(" > ").AppendNumber(Allowed).AppendUnit(indicator);
        }
        explanation.Append(ViolationConsequence);
        return RuleOutcome.Violation;
    }

    /// <summary>What a violation means, appended to the explanation.</summary>
    private protected abstract string ViolationConsequence { get; }

    internal override void Check(IndicatorDefinition indicator, string path, ValidationProblemList problems) =>
        RuleChecks.Gate(indicator, Expected, Allowed, path, problems);
}
