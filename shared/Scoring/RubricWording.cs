using System.Runtime.CompilerServices;
using CulturalServerless.Scoring.Rubrics;
using CulturalServerless.Scoring.Rules;

namespace CulturalServerless.Scoring;

/// <summary>
/// The fixed text of a rubric's explanations and discrepancies — titles, bars, "→ 10/10 điểm", JSON
/// paths — written once per rubric rather than once per submission: assembling these pieces was most
/// of the scorer's time. Made on first use and kept for as long as the rubric object lives, so a
/// rubric loaded again (a new object) gets its own.
/// </summary>
internal sealed class RubricWording
{
    private static readonly ConditionalWeakTable<Rubric, RubricWording> Made = new();

    private RubricWording(Rubric rubric)
    {
        Items = rubric.Criteria.Select(criterion => criterion.Items.Select(item => new ItemWording(item)).ToArray()).ToArray();
        ItemCount = Items.Sum(items => items.Length);
        TotalDiscrepancies = new WholePairTexts(rubric.TotalPoints);
    }

    /// <summary>Per criterion, per item, in rubric order.</summary>
    public ItemWording[][] Items { get; }

    /// <summary>How many sub-criteria the rubric has, to size the result's lists once.</summary>
    public int ItemCount { get; }

    /// <summary>Total discrepancy messages by (self total, computed total), as they occur.</summary>
    public WholePairTexts TotalDiscrepancies { get; }

    public static RubricWording Of(Rubric rubric) => Made.GetValue(rubric, static r => new RubricWording(r));
}
