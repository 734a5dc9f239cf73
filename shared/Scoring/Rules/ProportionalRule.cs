using System.Text;
using System.Text.Json.Serialization;
using CulturalServerless.Scoring.Indicators;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring.Rules;

/// <summary>
/// Points in proportion to where the figure lies between <see cref="Zero"/> (no points; the
/// indicator's minimum by default) and <see cref="Full"/> (all points; the indicator's maximum by
/// default), truncated to two decimals so a rounding never adds a point that was not earned.
/// </summary>
public sealed record ProportionalRule : PointRule
{
    public decimal? Zero { get; init; }
    public decimal? Full { get; init; }

    [JsonIgnore]
    public override RuleKind Kind => RuleKind.Proportional;

    internal override RuleOutcome Evaluate(IndicatorValue value, IndicatorDefinition indicator, StringBuilder explanation)
    {
        var zero = Zero ?? indicator.EffectiveMin;
        var full = Full ?? indicator.EffectiveMax;
        var fraction = Math.Clamp((value.Number - zero) / (full - zero), 0m, 1m);
        var points = VietnameseNumbers.Truncate2(Points * fraction);
        explanation.Append(indicator.Title).Append(' ').AppendValue(value, indicator)
            .Append(" (").AppendNumber(zero).AppendUnit(indicator).Append(" → 0; ")
            .AppendNumber(full).AppendUnit(indicator).Append(" → ").AppendNumber(Points).Append(')')
            .AppendPoints(points, Points);
        return RuleOutcome.Award(points);
    }

    private protected override void CheckFigures(IndicatorDefinition indicator, string path, ValidationProblemList problems)
    {
        var zero = Zero ?? indicator.EffectiveMin;
        var full = Full ?? indicator.EffectiveMax;
        // Unbounded ranges (an amount with no min or max) would make the scale meaningless.
        if (zero == decimal.MinValue || full == decimal.MaxValue || full <= zero
            || zero < indicator.EffectiveMin || full > indicator.EffectiveMax)
        {
            problems.Add(path, "rubric.proportional-range",
                $"Thang tỷ lệ cần mốc \"zero\" < \"full\" nằm trong miền giá trị của chỉ số '{indicator.Id}'.",
                $"A proportional scale needs \"zero\" < \"full\" within the range of indicator '{indicator.Id}'.");
        }
    }
}
