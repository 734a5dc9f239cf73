using System.Text;
using System.Text.Json.Serialization;
using CulturalServerless.Scoring.Rubrics;
using CulturalServerless.Scoring.Submissions;
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

    internal override RuleOutcome Evaluate(IndicatorValue value, RuleWording wording, StringBuilder explanation)
    {
        var text = (Wording)wording;
        explanation.Append(text.Lead).AppendValue(value, text.Indicator);
        if (!IsViolated(value))
        {
            explanation.Append(" → đạt");
            return RuleOutcome.Passed;
        }
        explanation.Append(value.Type == IndicatorValueType.Boolean ? text.Violation : text.ViolationOverAllowed);
        return RuleOutcome.Violation;
    }

    internal override RuleWording Word(IndicatorDefinition indicator) => new Wording(this, indicator);

    /// <summary>What a violation appends: the consequence, after the allowed level for figures ("> 0 trường hợp → vi phạm …").</summary>
    private sealed class Wording(GateRule rule, IndicatorDefinition indicator) : RuleWording(indicator, indicator.Title + ": ")
    {
        public string Violation { get; } = rule.ViolationConsequence;
        public string ViolationOverAllowed { get; } =
            Render(t => t.Append(" > ").AppendNumber(rule.Allowed).AppendUnit(indicator).Append(rule.ViolationConsequence));
    }

    /// <summary>What a violation means, appended to the explanation.</summary>
    private protected abstract string ViolationConsequence { get; }

    internal override void Check(IndicatorDefinition indicator, string path, ValidationProblemList problems) =>
        RuleChecks.Gate(indicator, Expected, Allowed, path, problems);
}
