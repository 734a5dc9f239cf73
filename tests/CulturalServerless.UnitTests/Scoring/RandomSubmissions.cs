namespace CulturalServerless.UnitTests.Scoring;

/// <summary>
/// Valid random submissions for a rubric: every figure within its range, violations rare enough
/// that both verdicts occur, self-scores within each item's maximum. A fixed seed keeps runs repeatable.
/// </summary>
internal sealed class RandomSubmissions(Rubric rubric, int seed)
{
    private readonly Random random = new(seed);

    public AssessmentSubmission Next()
    {
        var officials = random.Next(0, 200);
        var others = random.Next(0, 50);
        var criteria = new Dictionary<string, SubCriterionReport>();
        var selfTotal = 0m;
        var allSelfScored = random.Next(4) > 0;
        foreach (var criterion in rubric.Criteria)
        {
            var selfSubtotal = 0m;
            foreach (var item in criterion.Items)
            {
                var indicators = new Dictionary<string, IndicatorValue>();
                foreach (var indicator in item.Indicators.Where(i => i.Derivation is null))
                {
                    if (indicator.Required || random.Next(2) == 0)
                    {
                        indicators[indicator.Id] = IsShareSource(item, indicator) ? IndicatorValue.Of(random.Next(1, 50_000)) : Value(indicator);
                    }
                }
                decimal? selfScore = allSelfScored ? Math.Round((decimal)random.NextDouble() * item.MaxPoints, 2) : null;
                selfSubtotal += item.Kind == ItemKind.Penalty ? -(selfScore ?? 0m) : selfScore ?? 0m;
                criteria[item.Code] = new SubCriterionReport { Indicators = indicators, SelfScore = selfScore, Narrative = "Tự đánh giá." };
            }
            selfTotal += Math.Max(0m, selfSubtotal);
        }
        var categories = rubric.StaffCategories.Select((c, i) => (c.Id, Count: i == 0 ? officials : others)).ToDictionary(c => c.Id, c => c.Count);
        return new AssessmentSubmission
        {
            RubricId = rubric.Id,
            Year = rubric.Years[0],
            Staff = new StaffCounts { Total = categories.Values.Sum(), Categories = categories },
            GeneralSituation = "Cơ quan được chọn ngẫu nhiên.",
            Criteria = criteria,
            SelfTotal = allSelfScored ? selfTotal : null,
        };
    }

    /// <summary>Sources of a share are never all zero, or the share could not be derived.</summary>
    private static bool IsShareSource(RubricItem item, IndicatorDefinition indicator) =>
        item.Indicators.Any(i => i.Derivation is { IsShare: true } d && d.Sources.Contains(indicator.Id));

    private IndicatorValue Value(IndicatorDefinition indicator) => indicator.Kind switch
    {
        IndicatorKind.Percentage => Percentage(indicator),
        IndicatorKind.Count => IndicatorValue.Of(random.Next(10) < 8 ? 0 : random.Next(0, 40)),
        IndicatorKind.Boolean => IndicatorValue.Of(random.Next(12) > 0),
        IndicatorKind.Amount => IndicatorValue.Of(indicator.EffectiveMin + Math.Round((decimal)random.NextDouble() * (Math.Min(indicator.EffectiveMax, 1_000m) - indicator.EffectiveMin), 2)),
        _ => IndicatorValue.Of(new string('x', random.Next(1, indicator.MaxLength ?? 10))),
    };

    private IndicatorValue Percentage(IndicatorDefinition indicator)
    {
        // Mostly near the top of the scale, where the bars are.
        var value = random.Next(3) == 0 ? 100m : Math.Round(80m + (decimal)random.NextDouble() * 20m, 2);
        value = Math.Clamp(value, indicator.EffectiveMin, indicator.EffectiveMax);
        return random.Next(6) switch
        {
            0 when value < indicator.EffectiveMax => IndicatorValue.Above(value),
            1 => IndicatorValue.AtLeast(value),
            _ => IndicatorValue.Of(value),
        };
    }
}
