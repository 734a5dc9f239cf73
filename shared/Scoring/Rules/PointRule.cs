using System.Text.Json.Serialization;
using CulturalServerless.Scoring.Indicators;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring.Rules;

/// <summary>A rule that awards up to <see cref="Points"/> from a numeric indicator (threshold, proportional, per-unit).</summary>
public abstract record PointRule : ScoringRule
{
    public required decimal Points { get; init; }

    [JsonIgnore]
    public override bool AwardsPoints => true;

    [JsonIgnore]
    public override decimal MaxAward => Points;

    internal sealed override void Check(IndicatorDefinition indicator, string path, ValidationProblemList problems)
    {
        if (!indicator.IsNumeric)
        {
            RuleChecks.NotNumeric(indicator, path, problems);
            return;
        }
        RuleChecks.PositivePoints(Points, path, problems);
        CheckFigures(indicator, path, problems);
    }

    /// <summary>Checks the rule's own figures once the indicator is known to be numeric and the points positive.</summary>
    private protected abstract void CheckFigures(IndicatorDefinition indicator, string path, ValidationProblemList problems);
}
