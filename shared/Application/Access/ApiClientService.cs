using System.Text.RegularExpressions;
using CulturalServerless.Agencies;
using CulturalServerless.Application.Caching;
using CulturalServerless.Application.Paging;
using CulturalServerless.Application.Problems;
using CulturalServerless.Jurisdictions;
using CulturalServerless.Validation;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Access;

/// <summary>
/// The registry of API clients that admins keep: which roles each client application may use and
/// its scope. Authentication looks the caller's entry up on every request
/// (<see cref="ResolveCallerAsync"/>); an instance keeps what it read for a short time
/// (<see cref="ReadCacheOptions"/>), so a change made here takes effect at once and one made
/// through another instance within that time. Only registered clients are kept: a client
/// registered elsewhere a moment ago is found at its first request.
/// </summary>
public sealed partial class ApiClientService(
    IApiClientStore clients, ReadCacheOptions caching, TimeProvider clock, ILogger<ApiClientService> logger)
{
    public const int MaxAgencyIds = 500;

    private readonly ExpiringCache<string, ApiClient> recentlyRead = new(caching.Lifetime, clock);

    public async Task<Caller> ResolveCallerAsync(string subject, string? clientId, IEnumerable<string> tokenRoles, CancellationToken cancellationToken)
    {
        var registered = clientId is not null && IsValidClientId(clientId) ? await FindRegisteredAsync(clientId, cancellationToken) : null;
        return CallerScopes.Resolve(subject, clientId, tokenRoles, registered);
    }

    private async Task<ApiClient?> FindRegisteredAsync(string clientId, CancellationToken cancellationToken)
    {
        if (recentlyRead.TryGet(clientId, out var known))
        {
            return known;
        }

        var generation = recentlyRead.Generation;
        var registered = await clients.FindAsync(clientId, cancellationToken);
        if (registered is not null)
        {
            recentlyRead.Set(clientId, registered, readAfter: generation);
        }

        return registered;
    }

    public async Task<(ApiClient Client, bool Created)> PutAsync(Caller caller, string clientId, ApiClientRegistration registration, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "quản lý danh bạ ứng dụng", Roles.Admin);
        RequireValidClientId(clientId);
        var validation = Validate(clientId, registration);
        if (!validation.IsValid) throw ApiProblemException.Invalid(validation.Problems);
        var client = new ApiClient
        {
            Id = ApiClient.DocumentId(clientId),
            ClientId = clientId,
            Name = registration.Name!.Trim(),
            Roles = registration.Roles!.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Jurisdiction = registration.Jurisdiction,
            AgencyIds = (registration.AgencyIds ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            UpdatedAt = clock.GetUtcNow(),
            UpdatedBy = caller.Actor,
        };
        var created = await clients.UpsertAsync(client, cancellationToken);
        recentlyRead.Remove(clientId);
        LogRegistered(clientId, string.Join(",", client.Roles), client.Jurisdiction, client.AgencyIds.Count, caller.Subject);
        return (client, created);
    }

    public async Task<ApiClient> GetAsync(Caller caller, string clientId, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "xem danh bạ ứng dụng", Roles.Admin);
        RequireValidClientId(clientId);
        return await clients.FindAsync(clientId, cancellationToken)
            ?? throw ApiProblemException.NotFound($"Không có ứng dụng '{clientId}' trong danh bạ.");
    }

    public async Task<Page<ApiClient>> ListAsync(Caller caller, string? continuationToken, int? pageSize, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "xem danh bạ ứng dụng", Roles.Admin);
        var problems = new ValidationProblemList();
        ListQueryChecks.PageSize(problems, pageSize);
        ListQueryChecks.ThrowIfAny(problems);
        return await clients.ListAsync(continuationToken, pageSize ?? ListQueryChecks.DefaultPageSize, cancellationToken);
    }

    /// <summary>Entra client ids are GUIDs; local development clients are names like <c>dev-submitter-51</c>.</summary>
    public static bool IsValidClientId(string clientId) => ClientIdPattern().IsMatch(clientId);

    private static void RequireValidClientId(string clientId)
    {
        if (!IsValidClientId(clientId))
        {
            throw new ApiProblemException(ProblemType.InvalidParameter, "Mã ứng dụng (client id) không hợp lệ.",
                [new ValidationProblem("$.route.clientId", "invalid-client-id",
                    "Mã ứng dụng gồm chữ, số, dấu chấm, gạch ngang, gạch dưới; tối đa 128 ký tự.",
                    "A client id takes letters, digits, '.', '-' and '_', at most 128 characters.")]);
        }
    }

    internal static ValidationResult Validate(string clientId, ApiClientRegistration registration)
    {
        var problems = new ValidationProblemList();
        if (registration.ClientId is { } id && id != clientId)
        {
            problems.Add("$.clientId", "id-mismatch", "clientId trong nội dung khác mã trên đường dẫn.", "The clientId in the body differs from the path.");
        }
        if (string.IsNullOrWhiteSpace(registration.Name) || registration.Name.Length > ApiClient.MaxNameLength)
        {
            problems.Add("$.name", "required", $"Cần tên ứng dụng (tối đa {ApiClient.MaxNameLength} ký tự).",
                $"A name of at most {ApiClient.MaxNameLength} characters is required.");
        }
        if (registration.Roles is not { Count: > 0 })
        {
            problems.Add("$.roles", "required", "Cần ít nhất một vai trò: submitter, reviewer, decider, admin.", "At least one role is required: submitter, reviewer, decider, admin.");
        }
        else
        {
            for (var i = 0; i < registration.Roles.Count; i++)
            {
                if (!Roles.IsKnown(registration.Roles[i]))
                {
                    problems.Add($"$.roles[{i}]", "unknown-role", "Vai trò phải là submitter, reviewer, decider hoặc admin.", "A role is submitter, reviewer, decider or admin.");
                }
            }
        }
        if (registration.Jurisdiction is { } jurisdiction && !JurisdictionCode.IsValid(jurisdiction))
        {
            problems.Add("$.jurisdiction", "invalid-jurisdiction", "Mã địa bàn không hợp lệ (ví dụ: 51 hoặc 51.522).", "Invalid jurisdiction code (e.g. 51 or 51.522).");
        }
        var agencyIds = registration.AgencyIds ?? [];
        if (agencyIds.Count > MaxAgencyIds)
        {
            problems.Add("$.agencyIds", "too-many", $"Tối đa {MaxAgencyIds} cơ quan; hãy cấp theo địa bàn.", $"At most {MaxAgencyIds} agencies; grant a jurisdiction instead.");
        }
        for (var i = 0; i < agencyIds.Count; i++)
        {
            if (!AgencyId.IsValid(agencyIds[i]))
            {
                problems.Add($"$.agencyIds[{i}]", "invalid-agency-id", "Mã cơ quan không hợp lệ.", "Invalid agency id.");
            }
        }
        // A submitter, reviewer or decider without a scope could do nothing: say so now rather than at its first call.
        var scoped = registration.Roles?.Any(r => r is Roles.Submitter or Roles.Reviewer or Roles.Decider) == true;
        if (scoped && registration.Jurisdiction is null && agencyIds.Count == 0)
        {
            problems.Add("$.jurisdiction", "scope-required", "Vai trò submitter/reviewer/decider cần địa bàn (jurisdiction) hoặc danh sách cơ quan (agencyIds).",
                "A submitter, reviewer or decider needs a jurisdiction or agencyIds.");
        }
        return problems.ToResult();
    }

    // \A…\z rather than ^…$: $ also matches before a final "\n", which would let "x\n" through.
    [GeneratedRegex("\\A[A-Za-z0-9][A-Za-z0-9._-]{0,127}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ClientIdPattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "API client {ClientId} registered: roles {Roles}, jurisdiction {Jurisdiction}, {AgencyCount} agencies, by {Subject}")]
    private partial void LogRegistered(string clientId, string roles, string? jurisdiction, int agencyCount, string subject);
}
