using CulturalServerless.Application.Problems;
using CulturalServerless.Jurisdictions;

namespace CulturalServerless.Application.Access;

/// <summary>
/// Who may do what. A role that may never do an operation gets 403; a single resource outside the
/// caller's scope is answered exactly as one that does not exist (404), so ids of other provinces'
/// agencies cannot be probed; lists are narrowed to the scope in the query itself.
/// </summary>
public static class AccessRules
{
    /// <summary>403 unless the caller holds one of <paramref name="roles"/>.</summary>
    public static void RequireRole(Caller caller, string operation, params string[] roles)
    {
        if (!roles.Any(caller.IsInRole))
        {
            throw Forbidden($"Vai trò của bạn không được phép {operation} (cần: {string.Join(", ", roles)}).");
        }
    }

    /// <summary>The roles that read agencies and assessments (within their scope, except admins).</summary>
    public static readonly string[] Readers = [Roles.Admin, Roles.Reviewer, Roles.Decider, Roles.Submitter];

    /// <summary>Admins read everything; submitters, reviewers and deciders what their scope covers.</summary>
    public static bool CanRead(Caller caller, string agencyId, string jurisdiction) =>
        caller.IsAdmin
        || ((caller.IsInRole(Roles.Submitter) || caller.IsInRole(Roles.Reviewer) || caller.IsInRole(Roles.Decider))
            && caller.Scope.Covers(agencyId, jurisdiction));

    /// <summary>
    /// Appraising (thẩm định) is the steering committee's work: a reviewer whose scope covers the
    /// agency. Admins keep the registries but do not appraise, nor does the agency's own portal.
    /// </summary>
    public static bool CanAppraise(Caller caller, string agencyId, string jurisdiction) =>
        caller.IsInRole(Roles.Reviewer) && caller.Scope.Covers(agencyId, jurisdiction);

    /// <summary>
    /// A recognition decision is issued for a jurisdiction by a decider whose jurisdiction covers
    /// it: a list of agency ids is not enough, since a decision speaks for the recognising body of a place.
    /// </summary>
    public static bool CanDecide(Caller caller, string jurisdiction) =>
        caller.IsInRole(Roles.Decider) && caller.Scope.Jurisdiction is { } scope && JurisdictionCode.IsWithin(jurisdiction, scope);

    /// <summary>
    /// A decision is read by admins, by deciders and reviewers whose jurisdiction lies above or
    /// under the decision's, and by the portals of the agencies it lists.
    /// </summary>
    public static bool CanReadDecision(Caller caller, string jurisdiction, IEnumerable<string> agencyIds) =>
        caller.IsAdmin
        || ((caller.IsInRole(Roles.Decider) || caller.IsInRole(Roles.Reviewer)) && caller.Scope.Jurisdiction is { } scope
            && (JurisdictionCode.IsWithin(jurisdiction, scope) || JurisdictionCode.IsWithin(scope, jurisdiction)))
        || (caller.IsInRole(Roles.Submitter) && agencyIds.Any(id => caller.Scope.AgencyIds.Contains(id, StringComparer.Ordinal)))
        || (caller.IsInRole(Roles.Submitter) && caller.Scope.Jurisdiction is { } portal && JurisdictionCode.IsWithin(portal, jurisdiction));

    /// <summary>Submitters write only agencies their scope covers; admins keep the whole registry.</summary>
    public static bool CanWriteAgency(Caller caller, string agencyId, string jurisdiction) =>
        caller.IsAdmin || (caller.IsInRole(Roles.Submitter) && caller.Scope.Covers(agencyId, jurisdiction));

    /// <summary>
    /// Creating an agency places it under a steering committee, so it takes a scope whose
    /// jurisdiction covers that place: listing an agency id is not enough, or a portal scoped to one
    /// agency could create it in any province and hand it to that province's committee.
    /// </summary>
    public static bool CanCreateAgency(Caller caller, string jurisdiction) =>
        caller.IsAdmin
        || (caller.IsInRole(Roles.Submitter) && caller.Scope.Jurisdiction is { } scope && JurisdictionCode.IsWithin(jurisdiction, scope));

    /// <summary>
    /// A committee's webhook is where its digests go: only that committee (a reviewer whose scope is
    /// exactly its jurisdiction) or an admin may change it. A committee above it reads it but cannot
    /// redirect or rotate it, which would cut the district committee off from its own digests.
    /// </summary>
    public static bool CanWriteCommitteeWebhook(Caller caller, string jurisdiction) =>
        caller.IsAdmin || (caller.IsInRole(Roles.Reviewer) && caller.Scope.Jurisdiction == jurisdiction);

    /// <summary>A committee's webhook is readable by that committee, the committees above it and admins.</summary>
    public static bool CanReadCommitteeWebhook(Caller caller, string jurisdiction) =>
        caller.IsAdmin
        || (caller.IsInRole(Roles.Reviewer) && caller.Scope.Jurisdiction is { } scope && JurisdictionCode.IsWithin(jurisdiction, scope));

    /// <summary>
    /// Moving an agency to another jurisdiction hands it to another steering committee: only an
    /// admin, or a submitter whose jurisdiction covers both the old and the new place. A submitter
    /// scoped by agency ids alone cannot move its agencies away from their committee.
    /// </summary>
    public static bool CanMoveAgency(Caller caller, string from, string to) =>
        from == to
        || caller.IsAdmin
        || (caller.IsInRole(Roles.Submitter) && caller.Scope.Jurisdiction is { } scope
            && JurisdictionCode.IsWithin(from, scope) && JurisdictionCode.IsWithin(to, scope));

    /// <summary>
    /// Submitting is the agency's own act: only a submitter whose scope covers it. Admins and
    /// reviewers do not submit for an agency (least privilege; an admin who must, uses a submitter client).
    /// </summary>
    public static bool CanSubmit(Caller caller, string agencyId, string jurisdiction) =>
        caller.IsInRole(Roles.Submitter) && caller.Scope.Covers(agencyId, jurisdiction);

    /// <summary>
    /// A draft is the agency's working copy: its own submitters (scope covering it) and admins read
    /// and write it; reviewers never see it, since nothing in it has been submitted to them.
    /// </summary>
    public static bool CanKeepDraft(Caller caller, string agencyId, string jurisdiction) =>
        caller.IsAdmin || CanSubmit(caller, agencyId, jurisdiction);

    /// <summary>
    /// What a list may contain: null for everything (admins), else the caller's scope. A requested
    /// jurisdiction broader than the scope is narrowed by the scope in the query; one that cannot
    /// overlap the scope is a 403, since the caller asked for something it may never see.
    /// </summary>
    public static AccessScope? ListScope(Caller caller, string? requestedJurisdiction)
    {
        RequireRole(caller, "xem danh sách", Readers);
        if (caller.IsAdmin) return null;
        if (caller.Scope.IsEmpty)
        {
            throw Forbidden("Ứng dụng của bạn chưa được cấp phạm vi (địa bàn hoặc cơ quan) trong danh bạ ứng dụng; liên hệ quản trị viên.");
        }
        if (requestedJurisdiction is not null && !caller.Scope.Overlaps(requestedJurisdiction))
        {
            throw Forbidden($"Địa bàn '{requestedJurisdiction}' nằm ngoài phạm vi của bạn.");
        }
        return caller.Scope;
    }

    public static ApiProblemException Forbidden(string detail) => new(ProblemType.Forbidden, detail);
}
