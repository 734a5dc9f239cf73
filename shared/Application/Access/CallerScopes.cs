namespace CulturalServerless.Application.Access;

/// <summary>
/// Turns what a valid token says into a <see cref="Caller"/>, through the registry of API clients.
/// Least privilege: a role counts only when both the token (the tenant's app-role assignment) and
/// the registry entry of the token's client grant it, and the scope comes from the registry alone,
/// so an app-only token of a province's portal gets exactly that province. The one exception is
/// <see cref="Roles.Admin"/> from a client without a registry entry: an admin carries no scope, the
/// tenant's assignment of that role is itself an administrator's act, and without it nobody could
/// register the first client. A registry entry that omits admin takes it away.
/// </summary>
public static class CallerScopes
{
    public static Caller Resolve(string subject, string? clientId, IEnumerable<string> tokenRoles, ApiClient? registered)
    {
        var claimed = tokenRoles.Where(Roles.IsKnown).ToHashSet(StringComparer.Ordinal);
        if (registered is null)
        {
            var roles = claimed.Contains(Roles.Admin) ? new HashSet<string>(StringComparer.Ordinal) { Roles.Admin } : [];
            return new Caller(subject, clientId, roles, AccessScope.None);
        }
        claimed.IntersectWith(registered.Roles);
        return new Caller(subject, clientId, claimed, new AccessScope(registered.Jurisdiction, registered.AgencyIds));
    }
}
