using System.Text;
using System.Text.Json.Serialization;
using CulturalServerless.Scoring.Indicators;
using CulturalServerless.Validation;

namespace CulturalServerless.Scoring.Rules;

/// <summary>
/// Full <see cref="Points"/> when the figure reaches the bar ("atLeast" ≥ or "above" >); otherwise
/// the points of the first of the <see cref="Steps"/> (highest bar first) it reaches; otherwise zero.
/// </summary>
public sealed record ThresholdRule : PointRule
{
    public decimal? AtLeast { get; init; }
    public decimal? Above { get; init; }
    public IReadOnlyList<ThresholdStep> Steps { get; init; } = [];

    [JsonIgnore]
    public override RuleKind Kind => RuleKind.Threshold;

    internal override RuleOutcome Evaluate(IndicatorValue value, IndicatorDefinition indicator, StringBuilder explanation)
    {
        explanation.Append(indicator.Title).Append(' ').AppendValue(value, indicator);
        if (Reaches(value, AtLeast, Above))
        {
            AppendBar(explanation.Append(' '), AtLeast, Above, indicator).AppendPoints(Points, Points);
            return RuleOutcome.Award(Points);
        }
        AppendMiss(explanation, value, AtLeast, Above, indicator);
        foreach (var step in Steps)
        {
            if (Reaches(value, step.AtLeast, step.Above))
            {
                AppendBar(explanation.Append(", "), step.AtLeast, step.Above, indicator).AppendPoints(step.Points, Points);
                return RuleOutcome.Award(step.Points);
            }
        }
        if (Steps.Count > 0)
        {
            var lowest = Steps[^1];
            AppendMiss(explanation.Append(','), value, lowest.AtLeast, lowest.Above, indicator);
        }
        explanation.AppendPoints(0m, Points);
        return RuleOutcome.Award(0m);
    }

    private static bool Reaches(IndicatorValue value, decimal? atLeast, decimal? above) =>
        atLeast is { } least ? value.IsAtLeast(least) : value.IsAbove(above ?? 0m);

    private static StringBuilder AppendBar(StringBuilder explanation, decimal? atLeast, decimal? above, IndicatorDefinition indicator) =>
        explanation.Append(atLeast is null ? "> " : "≥ ").AppendNumber(atLeast ?? above ?? 0m).AppendUnit(indicator);

    private static void AppendMiss(StringBuilder explanation, IndicatorValue value, decimal? atLeast, decimal? above, IndicatorDefinition indicator)
    {
        // A bound ("≥ 98%") that misses a bar is not below it, only not certainly over it.
        if (value.Bound != NumberBound.Exact)
        {
            AppendBar(explanation.Append(" chưa đạt mức "), atLeast, above, indicator);
            return;
        }
        explanation.Append(atLeast is null ? " ≤ " : " < ").AppendNumber(atLeast ?? above ?? 0m).AppendUnit(indicator);
    }

    private protected override void CheckFigures(IndicatorDefinition indicator, string path, ValidationProblemList problems)
    {
        CheckBar(AtLeast, Above, indicator, path, problems);
        var previousBar = AtLeast ?? Above ?? 0m;
        var previousPoints = Points;
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            var stepPath = $"{path}.steps[{i}]";
            CheckBar(step.AtLeast, step.Above, indicator, stepPath, problems);
            if (step.Bar >= previousBar)
            {
                problems.Add($"{stepPath}", "rubric.step-order",
                    "Các bậc phải xếp theo mức giảm dần và thấp hơn mức đạt điểm tối đa.",
                    "Steps must be in descending order of bar, each below the full-points bar.");
            }
            if (step.Points < 0m || step.Points >= previousPoints)
            {
                problems.Add($"{stepPath}.points", "rubric.step-points",
                    "Điểm của bậc phải không âm và thấp hơn điểm của bậc trên.",
                    "A step's points must be non-negative and below the points of the bar above it.");
            }
            previousBar = step.Bar;
            previousPoints = step.Points;
        }
    }

    private static void CheckBar(decimal? atLeast, decimal? above, IndicatorDefinition indicator, string path, ValidationProblemList problems)
    {
        if (atLeast.HasValue == above.HasValue)
        {
            problems.Add(path, "rubric.bar",
                "Cần đúng một mức: \"atLeast\" (≥) hoặc \"above\" (>).",
                "Exactly one bar is needed: \"atLeast\" (≥) or \"above\" (>).");
            return;
        }
        var bar = atLeast ?? above!.Value;
        if (bar < indicator.EffectiveMin || bar > indicator.EffectiveMax)
        {
            problems.Add($"{path}.{(atLeast.HasValue ? "atLeast" : "above")}", "rubric.bar-range",
                $"Mức {VietnameseNumbers.Format(bar)} nằm ngoài miền giá trị của chỉ số '{indicator.Id}'.",
                $"The bar {bar} lies outside the range of indicator '{indicator.Id}'.");
        }
    }
}
