namespace CulturalServerless.Application.Access;

/// <summary>
/// Turns what a valid token says into a <see cref="Caller"/>, through the registry of API clients.
/// Least privilege: a role counts only when both the token (the tenant's app-role assignment) and
/// the registry entry of the token's client grant it, and the scope comes from the registry alone,
/// so an app-only token of a province's portal gets exactly that province. Admin is no exception:
/// a client without an entry gets no role at all, so a tenant-wide app-role assignment (or a client
/// app that someone else registered in the tenant) cannot reach the registry on its own. The first
/// admin entry is written by a bootstrap step outside the API (docs/deploy.md).
/// </summary>
public static class CallerScopes
{
    public static Caller Resolve(string subject, string? clientId, IEnumerable<string> tokenRoles, ApiClient? registered)
    {
        if (registered is null)
        {
            return new Caller(subject, clientId, new HashSet<string>(StringComparer.Ordinal), AccessScope.None);
        }
        var claimed = tokenRoles.Where(Roles.IsKnown).ToHashSet(StringComparer.Ordinal);
        claimed.IntersectWith(registered.Roles);
        return new Caller(subject, clientId, claimed, new AccessScope(registered.Jurisdiction, registered.AgencyIds));
    }
}
