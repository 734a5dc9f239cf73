namespace CulturalServerless.Scoring;

/// <summary>
/// JSON paths into the documents as they were sent ("$.criteria['1.4'].indicators.satisfiedCount"),
/// so a portal can put each problem next to the field it concerns. Built only when a problem is found.
/// </summary>
internal static class JsonPath
{
    public const string Root = "$";

    public static string Property(string parent, string name) =>
        IsIdentifier(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>A dictionary key: always bracketed, since codes like "1.4" contain dots.</summary>
    public static string Key(string parent, string key) => $"{parent}['{key.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    public static string SubCriterion(string code) => Key("$.criteria", code);

    public static string Indicator(string code, string indicatorId) => Property($"{SubCriterion(code)}.indicators", indicatorId);

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }
        return true;
    }
}
