using System.Text.Json.Serialization;

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
    /// <summary>Jurisdiction codes (ISO 3166-2, e.g. "VN-29"); empty means any jurisdiction without a scale of its own.</summary>
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];
    public string? Basis { get; init; }
    public required decimal TotalPoints { get; init; }
    /// <summary>Recognised when the total reaches this and no knock-out is triggered.</summary>
    public required decimal PassThreshold { get; init; }
    public IReadOnlyList<StaffCategory> StaffCategories { get; init; } = [];
    public TextLimits TextLimits { get; init; } = new();
    public required IReadOnlyList<RubricCriterion> Criteria { get; init; }

    private Dictionary<string, RubricItem>? itemsByCode;

    /// <summary>Finds a sub-criterion by its code ("1.4"); null when the scale has none.</summary>
    public RubricItem? FindItem(string code)
    {
        // Built on first use rather than at load so the record stays a plain data document;
        // a race builds the same dictionary twice, which is harmless.
        var index = itemsByCode ??= BuildIndex();
        return index.GetValueOrDefault(code);
    }

    private decimal? highestTotal;

    /// <summary>The most a submission can score: the total plus every bonus item's maximum.</summary>
    [JsonIgnore]
    public decimal HighestTotal => highestTotal ??= TotalPoints
        + Criteria.SelectMany(c => c.Items).Where(i => i.Kind == ItemKind.Bonus).Sum(i => i.MaxPoints);

    public bool AppliesTo(int year) => Years.Contains(year);

    public bool AppliesTo(string? jurisdiction) =>
        Jurisdictions.Count == 0 || (jurisdiction is not null && Jurisdictions.Contains(jurisdiction, StringComparer.OrdinalIgnoreCase));

    private Dictionary<string, RubricItem> BuildIndex()
    {
        var index = new Dictionary<string, RubricItem>(StringComparer.Ordinal);
        foreach (var criterion in Criteria)
        {
            foreach (var item in criterion.Items)
            {
                index.TryAdd(item.Code, item);
            }
        }
        return index;
    }
}
