using CulturalServerless.Scoring.Indicators;
using CulturalServerless.Scoring.Rubrics;
using CulturalServerless.Scoring.Submissions;

namespace CulturalServerless.Benchmarks;

/// <summary>
/// Valid variations of the seed submission: shares, counts and yes/no facts changed at random
/// (fixed seed) so that the batch goes through every rule branch, not one cached path.
/// </summary>
internal static class Variations
{
    public static AssessmentSubmission[] Of(Rubric rubric, AssessmentSubmission template, int count, int seed)
    {
        var random = new Random(seed);
        var variations = new AssessmentSubmission[count];
        for (var i = 0; i < count; i++)
        {
            var criteria = new Dictionary<string, SubCriterionReport>(template.Criteria.Count);
            var selfScored = random.Next(2) == 0;
            var selfTotal = 0m;
            foreach (var (code, report) in template.Criteria)
            {
                var item = rubric.FindItem(code)!;
                var indicators = new Dictionary<string, IndicatorValue>(report.Indicators.Count);
                foreach (var (id, value) in report.Indicators)
                {
                    indicators[id] = Vary(item.FindIndicator(id)!, value, random);
                }
                // The reported shares of 1.4 would no longer match the varied counts: let them be derived.
                indicators.Remove("satisfiedShare");
                indicators.Remove("neutralShare");
                decimal? selfScore = selfScored ? random.Next(0, (int)item.MaxPoints + 1) : null;
                selfTotal += selfScore ?? 0m;
                criteria[code] = report with { Indicators = indicators, SelfScore = selfScore };
            }
            variations[i] = template with { Criteria = criteria, SelfTotal = selfScored ? selfTotal : random.Next(80, 101) };
        }
        return variations;
    }

    private static IndicatorValue Vary(IndicatorDefinition indicator, IndicatorValue value, Random random) => indicator.Kind switch
    {
        IndicatorKind.Boolean => IndicatorValue.Of(random.Next(10) > 0),
        IndicatorKind.Percentage => IndicatorValue.Of(85m + random.Next(0, 1_501) / 100m),
        IndicatorKind.Count when value.Number == 0m => IndicatorValue.Of(random.Next(10) > 0 ? 0 : random.Next(1, 3)),
        IndicatorKind.Count => IndicatorValue.Of(random.Next(1, (int)value.Number * 2 + 2)),
        _ => value,
    };
}
