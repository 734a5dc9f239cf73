using System.Text.Json.Nodes;

namespace CulturalServerless.UnitTests.Scoring;

/// <summary>The shipped rubric co-quan-2022, as loaded and as its raw JSON for tests that break it.</summary>
internal static class DefaultRubric
{
    public const string Id = "co-quan-2022";

    public static Rubric Rubric => RubricCatalog.Shipped.Find(Id) ?? throw new InvalidOperationException("The default rubric is not shipped.");

    public static string Json
    {
        get
        {
            using var stream = typeof(RubricCatalog).Assembly.GetManifestResourceStream($"rubrics/{Id}.json")
                ?? throw new InvalidOperationException("The default rubric is not embedded.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public static JsonObject Node => JsonNode.Parse(Json)!.AsObject();

    /// <summary>The JSON object of sub-criterion <paramref name="code"/> inside <paramref name="rubric"/>.</summary>
    public static JsonObject Item(JsonObject rubric, string code) =>
        rubric["criteria"]!.AsArray().SelectMany(c => c!["items"]!.AsArray()).Single(i => (string?)i!["code"] == code)!.AsObject();
}
