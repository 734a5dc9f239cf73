using System.Text.Json.Nodes;

namespace CulturalServerless.Scoring.Rubrics;

/// <summary>
/// The rubrics the system knows, found by id or by the year and jurisdiction of an assessment.
/// <see cref="Shipped"/> holds those embedded in this assembly (Scoring/Rubrics/Data/*.json, where a
/// document may extend another to serve more years with the same scale);
/// rubrics stored elsewhere can be added through the constructor.
/// </summary>
public sealed class RubricCatalog
{
    private const string ResourcePrefix = "rubrics/";
    private static readonly Lazy<RubricCatalog> ShippedCatalog = new(LoadShipped);
    private readonly Dictionary<string, Rubric> byId;

    public RubricCatalog(IEnumerable<Rubric> rubrics)
    {
        byId = new Dictionary<string, Rubric>(StringComparer.Ordinal);
        foreach (var rubric in rubrics)
        {
            if (!byId.TryAdd(rubric.Id, rubric))
            {
                throw new ArgumentException($"Two rubrics share the id '{rubric.Id}'.", nameof(rubrics));
            }
        }
        Rubrics = byId.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The rubrics shipped with the code, loaded and checked once.</summary>
    public static RubricCatalog Shipped => ShippedCatalog.Value;

    public IReadOnlyList<Rubric> Rubrics { get; }

    public Rubric? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>
    /// The rubric for an assessment year: one naming the jurisdiction wins over one for any
    /// jurisdiction; among equals the highest version, then the first id, so the choice is stable.
    /// </summary>
    public Rubric? FindFor(int year, string? jurisdiction = null) =>
        Rubrics
            .Where(r => r.AppliesTo(year) && r.AppliesTo(jurisdiction))
            .OrderByDescending(r => r.Jurisdictions.Count > 0)
            .ThenByDescending(r => r.Version)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    private static RubricCatalog LoadShipped()
    {
        var assembly = typeof(RubricCatalog).Assembly;
        var documents = new Dictionary<string, (string Name, JsonObject Json)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var json = JsonNode.Parse(stream) as JsonObject ?? throw new InvalidRubricException(name, []);
            documents[(string?)json["id"] ?? name] = (name, json);
        }

        var rubrics = new List<Rubric>();
        foreach (var (name, json) in documents.Values)
        {
            var loaded = RubricLoader.Load(Extend(json, documents, name).ToJsonString());
            if (!loaded.IsValid)
            {
                throw new InvalidRubricException(name, loaded.Validation.Problems);
            }
            rubrics.Add(loaded.Rubric!);
        }
        return new RubricCatalog(rubrics);
    }

    /// <summary>
    /// One scale serving more years under another id: a document with <c>"extends": "&lt;id&gt;"</c> is that
    /// rubric with the document's own top-level members (id, years, title, basis, …) in place of the base's.
    /// </summary>
    internal static JsonObject Extend(JsonObject document, IReadOnlyDictionary<string, (string Name, JsonObject Json)> byId, string name)
    {
        if (document["extends"] is null)
        {
            return document;
        }

        var baseId = (string?)document["extends"];
        if (baseId is null || !byId.TryGetValue(baseId, out var parent) || parent.Json["extends"] is not null)
        {
            throw new InvalidOperationException(
                $"The rubric {name} extends '{baseId}', which is not a shipped rubric of its own (one level of extends only).");
        }

        var merged = (JsonObject)parent.Json.DeepClone();
        foreach (var (key, value) in document)
        {
            if (key != "extends")
            {
                merged[key] = value?.DeepClone();
            }
        }
        return merged;
    }
}
