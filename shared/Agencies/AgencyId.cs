using System.Text.RegularExpressions;

namespace CulturalServerless.Agencies;

/// <summary>Agency ids are chosen by the portal: lowercase letters, digits and hyphens, as in <c>vp-ubnd-quang-ngai</c>.</summary>
public static partial class AgencyId
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
