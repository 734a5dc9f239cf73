using CulturalServerless.Agencies;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Application.Paging;
using CulturalServerless.Application.Problems;
using CulturalServerless.Calendar;
using CulturalServerless.Jurisdictions;
using CulturalServerless.Validation;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Agencies;

/// <summary>
/// The agency registry that provincial portals keep up to date. Submitters write and read the
/// agencies of their scope, reviewers read those of their jurisdiction, admins keep all of it;
/// an agency outside the caller's scope reads as one that does not exist.
/// </summary>
public sealed partial class AgencyService(
    IAgencyStore agencies, JurisdictionCatalogue catalogue, IAgencyPlaceFollower places, TimeProvider clock, ILogger<AgencyService> logger)
{
    public sealed record RegisterResult(Stored<Agency> Agency, bool Created);

    /// <summary>
    /// Registers or updates an agency. With <paramref name="ifMatch"/> the update happens only if the
    /// agency is still as the caller read it (else 412); without it, a concurrent update is re-read
    /// and the full replacement applied again, so no writer is silently lost. The jurisdiction must
    /// exist on the registration's date (else 400 naming its successor); a change of what the
    /// reports print opens a new registration period; the agency's assessments of every year follow
    /// it to its jurisdiction (repeated on every write, so a retry completes a move cut short).
    /// </summary>
    public async Task<RegisterResult> RegisterAsync(
        Caller caller, string agencyId, AgencyRegistration registration, string? ifMatch, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "đăng ký cơ quan", Roles.Admin, Roles.Submitter);
        RequireValidId(agencyId);
        var validation = AgencyValidator.Validate(agencyId, registration);
        if (!validation.IsValid) throw ApiProblemException.Invalid(validation.Problems);
        if (!AccessRules.CanWriteAgency(caller, agencyId, registration.Jurisdiction!))
        {
            throw AccessRules.Forbidden($"Cơ quan '{agencyId}' ở địa bàn '{registration.Jurisdiction}' nằm ngoài phạm vi của bạn.");
        }
        var expected = ifMatch is null ? null : EntityTags.FromHeader(ifMatch) ?? throw PreconditionFailed(agencyId);
        var today = VietnamCalendar.Today(clock);
        if (registration.ValidFrom > today)
        {
            throw ApiProblemException.Invalid([new ValidationProblem("$.validFrom", "future-date",
                "Ngày có hiệu lực của đăng ký không được sau hôm nay.", "A registration cannot take effect after today.")]);
        }

        var result = await OptimisticConcurrency.RunAsync(async ct =>
        {
            var now = clock.GetUtcNow();
            var current = await agencies.FindAsync(agencyId, ct);
            if (current is null)
            {
                if (expected is not null) throw PreconditionFailed(agencyId);
                if (!AccessRules.CanCreateAgency(caller, registration.Jurisdiction!))
                {
                    throw AccessRules.Forbidden(
                        $"Chỉ ứng dụng có phạm vi địa bàn bao gồm '{registration.Jurisdiction}' (hoặc quản trị viên) được tạo cơ quan ở đó.");
                }
                var fresh = ToAgency(agencyId, registration, createdAt: now, now);
                var from = registration.ValidFrom ?? today;
                await RequireUnitOnAsync(fresh.Jurisdiction, from, ct);
                fresh = fresh with
                {
                    Registrations = [AgencyRegistrationPeriod.Of(fresh, from, caller.Actor, now)],
                    History = [new AgencyChange(now, caller.Actor, "registered", ChangedFields(null, fresh))],
                };
                var created = await agencies.TryCreateAsync(fresh, ct);
                if (created is null) return Attempt<RegisterResult>.Retry; // someone created it meanwhile: update it instead
                LogRegistered(agencyId, created.Value.Jurisdiction);
                return Attempt<RegisterResult>.Done(new RegisterResult(created, Created: true));
            }
            // The id is taken by an agency of another scope: refused without showing anything of it.
            if (!AccessRules.CanWriteAgency(caller, agencyId, current.Value.Jurisdiction))
            {
                throw AccessRules.Forbidden($"Mã cơ quan '{agencyId}' đã được dùng ngoài phạm vi của bạn.");
            }
            if (!AccessRules.CanMoveAgency(caller, current.Value.Jurisdiction, registration.Jurisdiction!))
            {
                throw AccessRules.Forbidden($"Bạn không được chuyển cơ quan '{agencyId}' sang địa bàn '{registration.Jurisdiction}'.");
            }
            if (expected is not null && expected != current.ETag) throw PreconditionFailed(agencyId);
            var next = ToAgency(agencyId, registration, current.Value.CreatedAt, now);
            var periods = current.Value.Periods();
            var period = AgencyRegistrationPeriod.Of(next, registration.ValidFrom ?? today, caller.Actor, now);
            // Nothing the reports print changed and no date was given: the current period goes on.
            var registrations = registration.ValidFrom is null && period.SameAs(periods[^1])
                ? periods
                : AgencyRegistrations.With(periods, period) ?? throw BeforeCurrentPeriod(periods[^1]);
            await RequireUnitOnAsync(next.Jurisdiction, registrations[^1].ValidFrom, ct);
            next = next with
            {
                Registrations = registrations,
                History = [.. current.Value.History, new AgencyChange(now, caller.Actor, "updated", ChangedFields(current.Value, next))],
            };
            var replaced = await agencies.TryReplaceAsync(next, current.ETag, ct);
            if (replaced is null)
            {
                if (expected is not null) throw PreconditionFailed(agencyId);
                return Attempt<RegisterResult>.Retry;
            }
            LogUpdated(agencyId, replaced.Value.Jurisdiction);
            return Attempt<RegisterResult>.Done(new RegisterResult(replaced, Created: false));
        }, clock, $"Cơ quan '{agencyId}' đang được cập nhật đồng thời; vui lòng thử lại.", cancellationToken);
        await places.FollowAsync(agencyId, result.Agency.Value.Jurisdiction, caller.Actor, cancellationToken);
        return result;
    }

    /// <summary>400 unless every unit of <paramref name="jurisdiction"/> the catalogue knows exists on <paramref name="date"/>; an ended one names its successor.</summary>
    private async Task RequireUnitOnAsync(string jurisdiction, DateOnly date, CancellationToken cancellationToken)
    {
        var check = await catalogue.CheckAsync(jurisdiction, date, cancellationToken);
        if (check.IsValid) return;
        var problem = new ValidationProblem("$.jurisdiction", check.Code!, check.Message, check.MessageEn);
        throw new ApiProblemException(ProblemType.Validation, $"{check.Message} ({jurisdiction}, {JurisdictionCheck.Date(date)})", [problem]);
    }

    private static ApiProblemException BeforeCurrentPeriod(AgencyRegistrationPeriod current) =>
        ApiProblemException.Invalid([new ValidationProblem("$.validFrom", "before-current-registration",
            $"Đăng ký hiện hành có hiệu lực từ {JurisdictionCheck.Date(current.ValidFrom)}; không ghi lại lịch sử trước ngày đó.",
            $"The current registration took effect on {current.ValidFrom:yyyy-MM-dd}; history before it is not rewritten.")]);

    public async Task<Stored<Agency>> GetAsync(Caller caller, string agencyId, CancellationToken cancellationToken)
    {
        AccessRules.RequireRole(caller, "xem cơ quan", AccessRules.Readers);
        RequireValidId(agencyId);
        var agency = await agencies.FindAsync(agencyId, cancellationToken);
        if (agency is null || !AccessRules.CanRead(caller, agencyId, agency.Value.Jurisdiction))
        {
            throw ApiProblemException.NotFound($"Không có cơ quan '{agencyId}'.");
        }
        return agency;
    }

    public async Task<Page<Agency>> ListAsync(Caller caller, string? jurisdiction, string? continuationToken, int? pageSize, CancellationToken cancellationToken)
    {
        var problems = new ValidationProblemList();
        ListQueryChecks.Jurisdiction(problems, jurisdiction);
        ListQueryChecks.PageSize(problems, pageSize);
        ListQueryChecks.ThrowIfAny(problems);
        var scope = AccessRules.ListScope(caller, jurisdiction);
        return await agencies.ListAsync(jurisdiction, scope, continuationToken, pageSize ?? ListQueryChecks.DefaultPageSize, cancellationToken);
    }

    private static Agency ToAgency(string id, AgencyRegistration registration, DateTimeOffset createdAt, DateTimeOffset updatedAt) => new()
    {
        Id = id,
        Name = registration.Name!.Trim(),
        ParentBody = registration.ParentBody!.Trim(),
        HeaderName = Optional(registration.HeaderName),
        SteeringCommittee = Optional(registration.SteeringCommittee),
        Symbol = registration.Symbol!,
        Jurisdiction = registration.Jurisdiction!,
        PlaceName = registration.PlaceName!.Trim(),
        Staff = registration.Staff,
        Signer = registration.Signer! with { Title = registration.Signer.Title.Trim(), Name = registration.Signer.Name.Trim() },
        Contact = registration.Contact,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };

    // A blank optional name is no name: the report then uses its default.
    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The top-level fields whose values differ; on registration, every field that was given.</summary>
    internal static IReadOnlyList<string> ChangedFields(Agency? before, Agency after)
    {
        (string Name, object? Before, object? After)[] fields =
        [
            ("name", before?.Name, after.Name), ("parentBody", before?.ParentBody, after.ParentBody),
            ("headerName", before?.HeaderName, after.HeaderName), ("steeringCommittee", before?.SteeringCommittee, after.SteeringCommittee),
            ("symbol", before?.Symbol, after.Symbol), ("jurisdiction", before?.Jurisdiction, after.Jurisdiction),
            ("placeName", before?.PlaceName, after.PlaceName), ("staff", before?.Staff, after.Staff),
            ("signer", before?.Signer, after.Signer), ("contact", before?.Contact, after.Contact),
        ];
        return fields.Where(f => !Equals(f.Before, f.After)).Select(f => f.Name).ToList();
    }

    private static void RequireValidId(string agencyId)
    {
        if (!AgencyId.IsValid(agencyId))
        {
            throw new ApiProblemException(ProblemType.InvalidParameter,
                "Mã cơ quan chỉ gồm chữ thường không dấu, số và dấu gạch ngang, dài 3–64 ký tự (ví dụ: vp-ubnd-quang-ngai).",
                [new ValidationProblem("$.route.agencyId", "invalid-agency-id", "Mã cơ quan không hợp lệ.", "Invalid agency id.")]);
        }
    }

    private static ApiProblemException PreconditionFailed(string agencyId) =>
        new(ProblemType.PreconditionFailed, $"Cơ quan '{agencyId}' đã thay đổi từ lần đọc trước (If-Match); hãy đọc lại rồi gửi lại.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Agency {AgencyId} registered in jurisdiction {Jurisdiction}")]
    private partial void LogRegistered(string agencyId, string jurisdiction);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agency {AgencyId} updated (jurisdiction {Jurisdiction})")]
    private partial void LogUpdated(string agencyId, string jurisdiction);
}
