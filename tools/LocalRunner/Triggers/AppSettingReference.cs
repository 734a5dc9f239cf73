using System.Text.RegularExpressions;

namespace CulturalServerless.LocalRunner.Triggers;

/// <summary>Resolves <c>%NAME%</c> in binding expressions from the app settings, as the Functions host does.</summary>
public static partial class AppSettingReference
{
    public static string Resolve(string expression, IConfiguration configuration) =>
        Setting().Replace(expression, match =>
            configuration[match.Groups[1].Value.Replace("__", ":")]
            ?? throw new InvalidOperationException($"App setting '{match.Groups[1].Value}' is not set."));

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Setting();
}
