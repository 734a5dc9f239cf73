using CulturalServerless.Application.Access;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>
/// A query's WHERE clause built from conditions and their parameters, with the two conditions every
/// list shares written once: "within a jurisdiction" (the code itself or anything under it) and
/// "inside the caller's scope", so out-of-scope documents never leave the database.
/// </summary>
internal sealed class FilteredQuery
{
    private readonly List<string> conditions = [];
    private readonly Dictionary<string, object> parameters = [];

    public FilteredQuery Where(string condition, string parameter, object value)
    {
        conditions.Add(condition);
        parameters[parameter] = value;
        return this;
    }

    /// <summary>A further parameter of a condition added with <see cref="Where"/>.</summary>
    public FilteredQuery With(string parameter, object value)
    {
        parameters[parameter] = value;
        return this;
    }

    /// <summary>The jurisdiction at <c>c.jurisdiction</c> is <paramref name="code"/> or lies under it.</summary>
    public FilteredQuery WithinJurisdiction(string code)
    {
        conditions.Add(Within(code, "@jurisdiction"));
        return this;
    }

    /// <summary>
    /// Jurisdiction within the scope's, or agency id (at <paramref name="agencyIdPath"/>) among the
    /// scope's agencies; no restriction when <paramref name="access"/> is null; an empty scope matches nothing.
    /// </summary>
    public FilteredQuery InScope(AccessScope? access, string agencyIdPath)
    {
        if (access is null) return this;
        var alternatives = new List<string>();
        if (access.Jurisdiction is { } jurisdiction) alternatives.Add(Within(jurisdiction, "@accessScope"));
        if (access.AgencyIds.Count > 0)
        {
            alternatives.Add($"ARRAY_CONTAINS(@accessAgencies, {agencyIdPath})");
            parameters["@accessAgencies"] = access.AgencyIds.ToArray();
        }
        conditions.Add(alternatives.Count == 0 ? "false" : "(" + string.Join(" OR ", alternatives) + ")");
        return this;
    }

    public QueryDefinition Select(string select, string? orderBy = null)
    {
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        var query = new QueryDefinition(select + where + (orderBy is null ? "" : " ORDER BY " + orderBy));
        foreach (var (name, value) in parameters) query = query.WithParameter(name, value);
        return query;
    }

    private string Within(string code, string parameter)
    {
        parameters[parameter] = code;
        parameters[parameter + "Under"] = code + ".";
        return $"(c.jurisdiction = {parameter} OR STARTSWITH(c.jurisdiction, {parameter}Under))";
    }
}
