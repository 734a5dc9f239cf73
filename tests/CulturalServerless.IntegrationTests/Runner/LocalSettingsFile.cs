namespace CulturalServerless.IntegrationTests.Runner;

/// <summary>The app's settings as a local.settings.json of their own, for the runner's commands; deleted on dispose.</summary>
public sealed class LocalSettingsFile : IDisposable
{
    private LocalSettingsFile(string path) => Path = path;

    public string Path { get; }

    public static async Task<LocalSettingsFile> WriteAsync(IDictionary<string, string?> settings)
    {
        var values = new JsonObject();
        foreach (var (key, value) in settings) values[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"local-settings-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, new JsonObject { ["Values"] = values }.ToJsonString());
        return new LocalSettingsFile(path);
    }

    public void Dispose() => File.Delete(Path);
}
