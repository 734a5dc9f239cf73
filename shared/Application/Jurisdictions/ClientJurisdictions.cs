using CulturalServerless.Application.Access;
using CulturalServerless.Application.Problems;
using CulturalServerless.Calendar;
using CulturalServerless.Jurisdictions;

namespace CulturalServerless.Application.Jurisdictions;

/// <summary>
/// Whether an API client's scope still names a unit that exists. A portal or committee scoped to a
/// province merged away (62 Kon Tum since 1/7/2025) would otherwise go on seeing nothing, or the
/// wrong thing, without knowing why: its requests are refused with the successor named, and the
/// registry entry shows the same state until an admin re-scopes the client.
/// </summary>
public sealed class ClientJurisdictions(JurisdictionCatalogue catalogue, TimeProvider clock)
{
    /// <summary>The state of a scope's jurisdiction today; valid when the client has none (scoped by agencies only).</summary>
    public Task<JurisdictionCheck> CheckAsync(string? jurisdiction, CancellationToken cancellationToken) =>
        jurisdiction is null
            ? Task.FromResult(JurisdictionCheck.Valid)
            : catalogue.CheckAsync(jurisdiction, VietnamCalendar.Today(clock), cancellationToken);

    /// <summary>403 when the caller's scope names a unit that no longer exists (admins are not scoped and pass).</summary>
    public async Task RequireCurrentAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.IsAdmin) return;
        var check = await CheckAsync(caller.Scope.Jurisdiction, cancellationToken);
        if (check.IsValid) return;
        var problem = new ApiProblemException(ProblemType.Forbidden,
            $"Phạm vi của ứng dụng trong danh bạ không còn hiệu lực: {check.Message} Quản trị viên cần cập nhật phạm vi (PUT /api/clients/{caller.ClientId}). "
            + $"The client's registered scope has ended: {check.MessageEn}");
        problem.Extensions["scopeState"] = ScopeState.Of(caller.Scope.Jurisdiction, check);
        throw problem;
    }
}

/// <summary>How a client's scope stands today: <c>current</c>, or <c>ended</c> with why and the successor.</summary>
public sealed record ScopeState(string State, string? Jurisdiction, string? Reason = null, string? ReasonEn = null, string? Successor = null)
{
    public static ScopeState Of(string? jurisdiction, JurisdictionCheck check) => check.IsValid
        ? new("current", jurisdiction)
        : new("ended", jurisdiction, check.Message, check.MessageEn, check.Successor?.Code);
}
