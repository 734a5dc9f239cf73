using System.Text.RegularExpressions;

namespace CulturalServerless.LocalRunner.Triggers;

/// <summary>
/// A blob trigger's name pattern, e.g. <c>{agencyId}/{year}/{name}.json</c>: the literal prefix to
/// list by, and a matcher that yields the named parts as binding data.
/// </summary>
internal sealed class BlobPathPattern
{
    private readonly Regex matcher;
    private readonly string[] names;

    public BlobPathPattern(string pattern)
    {
        Prefix = pattern.IndexOf('{') is var brace and >= 0 ? pattern[..brace] : pattern;
        var parts = Regex.Split(pattern, @"(\{[^}]+\})");
        names = parts.Where(p => p.StartsWith('{')).Select(p => p.Trim('{', '}')).ToArray();
        // The last placeholder may span folders (as {name} does on the host); the others stop at '/'.
        var placeholders = 0;
        var regex = string.Concat(parts.Select(p => p.StartsWith('{')
            ? ++placeholders == names.Length ? "(.+)" : "([^/]+)"
            : Regex.Escape(p)));
        matcher = new Regex("^" + regex + "$", RegexOptions.CultureInvariant);
    }

    public string Prefix { get; }

    public bool TryMatch(string blobName, out Dictionary<string, object?> values)
    {
        values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var match = matcher.Match(blobName);
        if (!match.Success) return false;
        for (var i = 0; i < names.Length; i++)
        {
            values[names[i]] = match.Groups[i + 1].Value;
        }
        return true;
    }
}
