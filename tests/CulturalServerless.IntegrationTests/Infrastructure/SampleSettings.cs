namespace CulturalServerless.IntegrationTests.Infrastructure;

/// <summary>Values of local.settings.sample.json, the settings ./run.sh starts the app with, in configuration form (<c>Section:Key</c>).</summary>
public static class SampleSettings
{
    public static IDictionary<string, string?> Section(string section)
    {
        var values = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")))!["Values"]!.AsObject();
        return values.Where(v => v.Key.StartsWith(section + "__", StringComparison.Ordinal))
            .ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value);
    }
}

/// <summary>The app's services with the sample's webhook rules, as ./run.sh starts it (the secrets' key is the tests' own).</summary>
public sealed class SampleWebhookSettingsApp : IAsyncLifetime
{
    public AppServices App { get; } = AppServices.With(SampleSettings.Section("Webhooks")
        .Where(setting => setting.Key != "Webhooks:SecretKeyPath").ToDictionary());

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}
