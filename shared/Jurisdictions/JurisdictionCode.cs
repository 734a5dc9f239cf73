using System.Text.RegularExpressions;

namespace CulturalServerless.Jurisdictions;

/// <summary>
/// A jurisdiction (địa bàn) is a dotted path of administrative codes, province first:
/// <c>51</c> is Quảng Ngãi province, <c>51.522</c> the city of Quảng Ngãi within it. A steering
/// committee of a jurisdiction oversees it and everything under it.
/// </summary>
public static partial class JurisdictionCode
{
    public const int MaxLength = 64;

    public static bool IsValid(string? code) => code is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(code);

    /// <summary>True when <paramref name="code"/> is <paramref name="scope"/> or lies under it.</summary>
    public static bool IsWithin(string code, string scope) =>
        code == scope || code.StartsWith(scope + ".", StringComparison.Ordinal);

    // \A…\z rather than ^…$: $ also matches before a final "\n", which would let "x\n" through.
    [GeneratedRegex("\\A[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
