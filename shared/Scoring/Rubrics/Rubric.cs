using System.Text.Json.Serialization;
using CulturalServerless.Jurisdictions;

namespace CulturalServerless.Scoring.Rubrics;

/// <summary>
/// A versioned scoring scale for one kind of unit: the criteria tree, the indicators each item
/// expects and the rules that turn them into points. Rubrics are local data (no national 100-point
/// scale is published), so a province changes its scale per year by shipping a new document, not code.
/// </summary>
public sealed record Rubric
{
    public required string Id { get; init; }
    public int Version { get; init; } = 1;
    public required string Title { get; init; }
    /// <summary>Years of assessment this scale applies to.</summary>
    public required IReadOnlyList<int> Years { get; init; }
    /// <summary>
    /// Jurisdiction codes the scale is for (the agencies' codes: "51" is Quảng Ngãi province and
    /// covers "51.522" within it); empty means any jurisdiction without a scale of its own.
    /// </summary>
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];
    public string? Basis { get; init; }
    public required decimal TotalPoints { get; init; }
    /// <summary>Recognised when the total reaches this and no knock-out is triggered.</summary>
    public required decimal PassThreshold { get; init; }
    public IReadOnlyList<StaffCategory> StaffCategories { get; init; } = [];
    public TextLimits TextLimits { get; init; } = new();
    public required IReadOnlyList<RubricCriterion> Criteria { get; init; }

    /// <summary>Finds a sub-criterion by its code ("1.4"); null when the scale has none.</summary>
    public RubricItem? FindItem(string code)
    {
        // A dozen items: a scan costs less than keeping an index, and a record holds no cache that
        // "with" would carry over stale.
        foreach (var criterion in Criteria)
        {
            foreach (var item in criterion.Items)
            {
                if (string.Equals(item.Code, code, StringComparison.Ordinal))
                {
                    return item;
                }
            }
        }
        return null;
    }

    /// <summary>The most a submission can score: the total plus every bonus item's maximum.</summary>
    [JsonIgnore]
    public decimal HighestTotal =>
        TotalPoints + Criteria.SelectMany(criterion => criterion.Items).Where(item => item.Kind == ItemKind.Bonus).Sum(item => item.MaxPoints);

    public bool AppliesTo(int year) => Years.Contains(year);

    public bool AppliesTo(string? jurisdiction) =>
        Jurisdictions.Count == 0
        || (jurisdiction is not null && Jurisdictions.Any(scope => JurisdictionCode.IsWithin(jurisdiction, scope)));
}
