using System.Text;
using System.Text.Json.Serialization;
using CulturalServerless.Scoring.Indicators;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring.Rules;

/// <summary>
/// <see cref="PointsPerUnit"/> for each unit of the figure, up to <see cref="Points"/> — e.g. a bonus
/// of 1 point per provincial-level initiative, at most 5; in a penalty item the result is deducted.
/// </summary>
public sealed record PerUnitRule : PointRule
{
    public required decimal PointsPerUnit { get; init; }

    [JsonIgnore]
    public override RuleKind Kind => RuleKind.PerUnit;

    internal override RuleOutcome Evaluate(IndicatorValue value, IndicatorDefinition indicator, StringBuilder explanation)
    {
        var points = Math.Clamp(VietnameseNumbers.Truncate2(value.Number * PointsPerUnit), 0m, Points);
        explanation.Append(indicator.Title).Append(": ").AppendValue(value, indicator)
            .Append(" × ").AppendNumber(PointsPerUnit).Append(" điểm, tối đa ").AppendNumber(Points)
            .AppendPoints(points, Points);
        return RuleOutcome.Award(points);
    }

    private protected override void CheckFigures(IndicatorDefinition indicator, string path, ValidationProblemList problems)
    {
        if (PointsPerUnit <= 0m)
        {
            problems.Add($"{path}.pointsPerUnit", "rubric.rule-points",
                "Điểm cho mỗi đơn vị phải lớn hơn 0.",
                "Points per unit must be greater than 0.");
        }
        if (indicator.EffectiveMin < 0m)
        {
            problems.Add($"{path}.indicator", "rubric.per-unit-range",
                $"Chỉ số '{indicator.Id}' của quy tắc theo đơn vị không được nhận giá trị âm.",
                $"Indicator '{indicator.Id}' of a per-unit rule must not accept negative values.");
        }
    }
}
