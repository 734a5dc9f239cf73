using System.Text.Json.Nodes;

namespace CulturalServerless.LocalRunner;

/// <summary>
/// Reads the <c>Values</c> of local.settings.json as Core Tools does: each becomes an app setting,
/// with <c>Section__Key</c> names read as <c>Section:Key</c>.
/// </summary>
internal static class LocalSettings
{
    public static IEnumerable<KeyValuePair<string, string?>> Read(string path)
    {
        var values = JsonNode.Parse(File.ReadAllText(path))?["Values"]?.AsObject()
            ?? throw new InvalidDataException($"{path} has no \"Values\" object.");
        return values.Select(v => new KeyValuePair<string, string?>(v.Key.Replace("__", ":"), v.Value?.ToString()));
    }

    /// <summary>The settings file (if any) with environment variables over it, as the runner's commands read their settings.</summary>
    public static IConfiguration Configuration(string? path) => new ConfigurationBuilder()
        .AddInMemoryCollection(path is null ? [] : Read(path))
        .AddEnvironmentVariables()
        .Build();
}
