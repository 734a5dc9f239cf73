using CulturalServerless.Application.Access;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// The query condition that keeps a list inside a caller's scope, so out-of-scope documents never
/// leave the database: jurisdiction within the scope's, or agency id among the scope's agencies.
/// An empty scope matches nothing.
/// </summary>
internal static class ScopeCondition
{
    public static string Of(AccessScope access, string agencyIdPath, IDictionary<string, object> parameters)
    {
        var alternatives = new List<string>();
        if (access.Jurisdiction is { } jurisdiction)
        {
            alternatives.Add("c.jurisdiction = @accessScope OR STARTSWITH(c.jurisdiction, @accessUnder)");
            parameters["@accessScope"] = jurisdiction;
            parameters["@accessUnder"] = jurisdiction + ".";
        }
        if (access.AgencyIds.Count > 0)
        {
            alternatives.Add($"ARRAY_CONTAINS(@accessAgencies, {agencyIdPath})");
            parameters["@accessAgencies"] = access.AgencyIds.ToArray();
        }
        return alternatives.Count == 0 ? "false" : "(" + string.Join(" OR ", alternatives) + ")";
    }
}
