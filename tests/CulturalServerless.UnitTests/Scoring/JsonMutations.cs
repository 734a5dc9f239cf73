using System.Text.Json;
using System.Text.Json.Nodes;

namespace CulturalServerless.UnitTests.Scoring;

/// <summary>One field of a JSON document broken: its path, the change ("null", "number", …, "removed") and the document.</summary>
internal sealed record JsonMutation(string Path, string Change, string Json);

/// <summary>
/// Every property and every array element of a document, each in turn set to null, to a value of
/// another JSON type, or removed: the hostile inputs a portal's bug or an attacker could send.
/// Shared with the integration tests, which send the same documents to the HTTP endpoints.
/// </summary>
internal static class JsonMutations
{
    /// <summary>One value of each JSON type; a field is only given the types it does not already have.</summary>
    private static readonly (string Type, Func<JsonNode?> Make)[] Replacements =
    [
        ("null", () => null),
        ("number", () => JsonValue.Create(1)),
        ("string", () => JsonValue.Create("x")),
        ("object", () => new JsonObject()),
        ("array", () => new JsonArray()),
        ("boolean", () => JsonValue.Create(true)),
    ];

    public static IEnumerable<JsonMutation> Of(JsonNode seed)
    {
        foreach (var (path, steps) in Locations(seed, "$", []))
        {
            var type = TypeOf(At(seed, steps));
            foreach (var (replacement, make) in Replacements.Where(r => r.Type != type))
            {
                yield return new JsonMutation(path, replacement, Mutated(seed, steps, parent => Set(parent, steps[^1], make())));
            }
            yield return new JsonMutation(path, "removed", Mutated(seed, steps, parent => Remove(parent, steps[^1])));
        }
    }

    /// <summary>Every property and array element below <paramref name="node"/>: its JSON path and the keys or indexes leading to it.</summary>
    internal static IEnumerable<(string Path, object[] Steps)> Locations(JsonNode? node, string path, object[] steps)
    {
        IEnumerable<(object Step, string Path, JsonNode? Child)> children = node switch
        {
            JsonObject obj => obj.Select(p => ((object)p.Key, PathOf(path, p.Key), p.Value)),
            JsonArray array => array.Select((child, i) => ((object)i, $"{path}[{i}]", child)),
            _ => [],
        };
        foreach (var (step, childPath, child) in children)
        {
            object[] childSteps = [.. steps, step];
            yield return (childPath, childSteps);
            foreach (var below in Locations(child, childPath, childSteps))
            {
                yield return below;
            }
        }
    }

    /// <summary>The path as the validator and the JSON reader write it: codes such as "1.4" in brackets.</summary>
    internal static string PathOf(string parent, string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0]) ? $"{parent}.{name}" : $"{parent}['{name}']";

    internal static JsonNode? At(JsonNode root, object[] steps) =>
        steps.Aggregate<object, JsonNode?>(root, (node, step) => step is int i ? node![i] : node![(string)step]);

    internal static string TypeOf(JsonNode? node) => node?.GetValueKind() switch
    {
        null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "boolean",
    };

    internal static string Mutated(JsonNode seed, object[] steps, Action<JsonNode> change)
    {
        var copy = seed.DeepClone();
        change(At(copy, steps[..^1])!);
        return copy.ToJsonString();
    }

    internal static void Set(JsonNode parent, object step, JsonNode? value)
    {
        if (step is int i)
        {
            parent[i] = value;
        }
        else
        {
            parent[(string)step] = value;
        }
    }

    internal static void Remove(JsonNode parent, object step)
    {
        if (step is int i)
        {
            parent.AsArray().RemoveAt(i);
        }
        else
        {
            parent.AsObject().Remove((string)step);
        }
    }
}
