using System.Text.RegularExpressions;

namespace CulturalServerless.Agencies;

/// <summary>Agency ids are chosen by the portal: lowercase letters, digits and hyphens, as in <c>vp-ubnd-quang-ngai</c>.</summary>
public static partial class AgencyId
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    // \A…\z rather than ^…$: $ also matches before a final "\n", which would let "x\n" through.
    [GeneratedRegex("\\A[a-z0-9][a-z0-9-]{1,62}[a-z0-9]\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
