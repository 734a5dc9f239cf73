namespace CulturalServerless.UnitTests.Infrastructure;

/// <summary>
/// Reads the property names of one object literal in Bicep source. Enough of the Bicep grammar to
/// skip what may contain braces or colons that are not structure: strings (with <c>${...}</c>
/// interpolations and escapes), multi-line strings and comments. The Bicep CLI is not needed, so the
/// settings test runs wherever the unit tests run.
/// </summary>
internal static class BicepObjectKeys
{
    /// <summary>
    /// Names set by the <c>properties</c> object of the resource named <paramref name="resourceName"/>
    /// (e.g. the <c>appsettings</c> config of a site).
    /// </summary>
    public static IReadOnlyList<string> OfResourceProperties(string bicep, string resourceName)
    {
        var nameAt = bicep.IndexOf($"name: '{resourceName}'", StringComparison.Ordinal);
        if (nameAt < 0)
        {
            throw new FormatException($"No resource with name: '{resourceName}'.");
        }
        var propertiesAt = bicep.IndexOf("properties:", nameAt, StringComparison.Ordinal);
        var openAt = propertiesAt < 0 ? -1 : bicep.IndexOf('{', propertiesAt);
        if (openAt < 0)
        {
            throw new FormatException($"Resource '{resourceName}' has no properties object.");
        }
        return OfObjectAt(bicep, openAt);
    }

    /// <summary>Top-level property names of the object literal whose '{' is at <paramref name="openAt"/>.</summary>
    public static IReadOnlyList<string> OfObjectAt(string bicep, int openAt)
    {
        if (openAt >= bicep.Length || bicep[openAt] != '{')
        {
            throw new ArgumentException("Not the start of an object literal.", nameof(openAt));
        }

        var keys = new List<string>();
        var depth = 0;
        var expectingKey = false;
        var i = openAt;
        while (i < bicep.Length)
        {
            var c = bicep[i];
            if (c == '/' && At(bicep, i + 1, '/'))
            {
                var lineEnd = bicep.IndexOf('\n', i);
                i = lineEnd < 0 ? bicep.Length : lineEnd;
                continue;
            }
            if (c == '/' && At(bicep, i + 1, '*'))
            {
                var commentEnd = bicep.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = commentEnd < 0 ? bicep.Length : commentEnd + 2;
                continue;
            }
            if (c == '\'')
            {
                var start = i;
                i = SkipString(bicep, i);
                if (depth == 1 && expectingKey)
                {
                    AddIfKey(bicep, i, bicep[(start + 1)..(i - 1)], keys);
                    expectingKey = false;
                }
                continue;
            }
            if (c is '{' or '[' or '(')
            {
                depth++;
                expectingKey = depth == 1;
                i++;
                continue;
            }
            if (c is '}' or ']' or ')')
            {
                depth--;
                if (depth == 0)
                {
                    return keys;
                }
                i++;
                continue;
            }
            if (depth == 1)
            {
                if (c is '\n' or ',')
                {
                    expectingKey = true;
                }
                else if (expectingKey && (char.IsLetter(c) || c == '_'))
                {
                    var start = i;
                    while (i < bicep.Length && (char.IsLetterOrDigit(bicep[i]) || bicep[i] == '_'))
                    {
                        i++;
                    }
                    AddIfKey(bicep, i, bicep[start..i], keys);
                    expectingKey = false;
                    continue;
                }
                else if (!char.IsWhiteSpace(c))
                {
                    expectingKey = false;
                }
            }
            i++;
        }
        throw new FormatException("Object literal is not closed.");
    }

    // A name is a key only when a colon follows it; otherwise it was part of a value.
    private static void AddIfKey(string bicep, int after, string name, List<string> keys)
    {
        var next = after;
        while (next < bicep.Length && bicep[next] is ' ' or '\t')
        {
            next++;
        }
        if (At(bicep, next, ':'))
        {
            keys.Add(name);
        }
    }

    /// <summary>Index just past the string that starts at <paramref name="openAt"/>.</summary>
    private static int SkipString(string bicep, int openAt)
    {
        if (string.CompareOrdinal(bicep, openAt, "'''", 0, 3) == 0)
        {
            var close = bicep.IndexOf("'''", openAt + 3, StringComparison.Ordinal);
            return close < 0 ? throw new FormatException("Multi-line string is not closed.") : close + 3;
        }

        var i = openAt + 1;
        while (i < bicep.Length)
        {
            switch (bicep[i])
            {
                case '\\':
                    i += 2;
                    break;
                case '\'':
                    return i + 1;
                case '$' when At(bicep, i + 1, '{'):
                    i = SkipInterpolation(bicep, i + 1);
                    break;
                default:
                    i++;
                    break;
            }
        }
        throw new FormatException("String is not closed.");
    }

    // From the '{' of "${": past its matching '}', skipping strings nested in the expression.
    private static int SkipInterpolation(string bicep, int openAt)
    {
        var depth = 0;
        var i = openAt;
        while (i < bicep.Length)
        {
            switch (bicep[i])
            {
                case '\'':
                    i = SkipString(bicep, i);
                    continue;
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                    break;
            }
            i++;
        }
        throw new FormatException("Interpolation is not closed.");
    }

    private static bool At(string text, int index, char expected) => index < text.Length && text[index] == expected;
}
