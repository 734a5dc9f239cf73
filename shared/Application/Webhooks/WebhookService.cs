using CulturalServerless.Agencies;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Application.Problems;
using CulturalServerless.Calendar;
using CulturalServerless.Jurisdictions;
using CulturalServerless.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CulturalServerless.Application.Webhooks;

/// <summary>
/// Registers where an agency or a steering committee receives reminders, and issues the secret it
/// verifies them with. This is the one place a webhook is registered. Secrets are stored
/// encrypted (<see cref="WebhookSecretProtector"/>); a rotation keeps the previous secret signing
/// alongside the new one for <c>Webhooks__SecretGracePeriod</c>, so a receiver can switch without
/// refusing posts meanwhile.
/// </summary>
public sealed partial class WebhookService(
    IWebhookSubscriptionStore subscriptions, IAgencyStore agencies, WebhookUrlPolicy urls, WebhookSecretProtector secrets,
    IOptions<WebhookDeliveryOptions> options, JurisdictionCatalogue catalogue, ICommitteeWebhookAudit committeeWebhooks,
    TimeProvider clock, ILogger<WebhookService> logger)
{
    public sealed record RegisterResult(WebhookView View, bool Created);

    public async Task<RegisterResult> RegisterAsync(
        Caller caller, WebhookOwner owner, WebhookRegistration registration, string? rotateSecret, CancellationToken cancellationToken)
    {
        await RequireAccessAsync(caller, owner, write: true, cancellationToken);
        var rotate = ParseRotate(rotateSecret);
        var url = await urls.ValidateAsync(registration.Url, cancellationToken);
        var grace = options.Value.SecretGracePeriod;
        // A new secret, made (and wrapped in Key Vault) at most once however often the loop below retries.
        (string Text, ProtectedSecret Protected)? fresh = null;
        async Task<(string Text, ProtectedSecret Protected)> FreshSecretAsync(CancellationToken ct)
        {
            if (fresh is null)
            {
                var text = WebhookSignature.NewSecret();
                fresh = (text, await secrets.ProtectAsync(text, owner.DocumentId, ct));
            }
            return fresh.Value;
        }

        // Two portals saving the same receiver at once: the loser re-reads and applies its change again.
        var result = await OptimisticConcurrency.RunAsync(async ct =>
        {
            var now = clock.GetUtcNow();
            var current = await subscriptions.FindAsync(owner.DocumentId, ct);
            if (current is null)
            {
                var issued = await FreshSecretAsync(ct);
                var subscription = new WebhookSubscription
                {
                    Id = owner.DocumentId, OwnerKind = owner.Kind, Owner = owner.Key, Url = url,
                    ProtectedSecret = issued.Protected, CreatedAt = now, UpdatedAt = now, SecretIssuedAt = now,
                };
                if (!await subscriptions.TryCreateAsync(subscription, ct)) return Attempt<RegisterResult>.Retry;
                LogRegistered(owner.DocumentId);
                return Attempt<RegisterResult>.Done(new RegisterResult(WebhookView.Of(subscription, now, issued.Text), Created: true));
            }
            // A document from before secrets were encrypted: its secret is encrypted now, by this write.
            var kept = current.Value.ProtectedSecret
                ?? await secrets.ProtectAsync(current.Value.Secret!, owner.DocumentId, ct);
            var stillValid = current.Value.PreviousSecretExpiresAt > now;
            var updated = current.Value with
            {
                Url = url,
                UpdatedAt = now,
                Secret = null,
                ProtectedSecret = kept,
                PreviousSecret = stillValid ? current.Value.PreviousSecret : null,
                PreviousSecretExpiresAt = stillValid ? current.Value.PreviousSecretExpiresAt : null,
            };
            string? shown = null;
            if (rotate)
            {
                var issued = await FreshSecretAsync(ct);
                shown = issued.Text;
                updated = updated with
                {
                    ProtectedSecret = issued.Protected,
                    SecretIssuedAt = now,
                    // Only the secret just replaced stays valid: one rotated away earlier stops now.
                    PreviousSecret = grace > TimeSpan.Zero ? kept : null,
                    PreviousSecretExpiresAt = grace > TimeSpan.Zero ? now + grace : null,
                };
            }
            if (!await subscriptions.TryReplaceAsync(updated, current.ETag, ct)) return Attempt<RegisterResult>.Retry;
            LogUpdated(owner.DocumentId, rotate, updated.PreviousSecretExpiresAt);
            return Attempt<RegisterResult>.Done(new RegisterResult(WebhookView.Of(updated, now, shown), Created: false));
        }, clock, "Webhook đang được cập nhật đồng thời; vui lòng thử lại.", cancellationToken);
        return result with { View = await WithUnitAsync(result.View, owner, cancellationToken) };
    }

    public async Task<WebhookView> GetAsync(Caller caller, WebhookOwner owner, CancellationToken cancellationToken)
    {
        await RequireAccessAsync(caller, owner, write: false, cancellationToken);
        var subscription = await subscriptions.FindAsync(owner.DocumentId, cancellationToken)
            ?? throw ApiProblemException.NotFound("Chưa đăng ký webhook.");
        return await WithUnitAsync(WebhookView.Of(subscription.Value, clock.GetUtcNow()), owner, cancellationToken);
    }

    /// <summary>
    /// A committee webhook whose unit has ended today (62 Kon Tum after 30/6/2025) receives no more
    /// digests: its view says so, with the unit that carries it on and the committee its agencies'
    /// digests go to instead, as the reorganisation run reports it.
    /// </summary>
    private async Task<WebhookView> WithUnitAsync(WebhookView view, WebhookOwner owner, CancellationToken cancellationToken)
    {
        if (owner.Kind != WebhookOwnerKind.Committee) return view;
        var units = await catalogue.GetAsync(cancellationToken);
        var today = VietnamCalendar.Today(clock);
        if (units.Check(owner.Key, today).IsValid) return view;
        var ended = await committeeWebhooks.EndedAsync(today, new Dictionary<string, string>(), units, cancellationToken);
        return view with { UnitEnded = ended.FirstOrDefault(e => e.Owner == owner.Key) };
    }

    /// <summary>
    /// An agency's webhook belongs to whoever may write the agency (its submitters, admins) and is
    /// readable by whoever may read it; an agency out of scope is answered as missing. A committee's
    /// webhook belongs to that committee and admins; the committees above it may read it.
    /// </summary>
    private async Task RequireAccessAsync(Caller caller, WebhookOwner owner, bool write, CancellationToken cancellationToken)
    {
        RequireValidKey(owner);
        if (owner.Kind == WebhookOwnerKind.Agency)
        {
            var agency = await agencies.FindAsync(owner.Key, cancellationToken);
            if (agency is null || !AccessRules.CanRead(caller, owner.Key, agency.Value.Jurisdiction))
            {
                throw ApiProblemException.NotFound($"Không có cơ quan '{owner.Key}'.");
            }
            if (write && !AccessRules.CanWriteAgency(caller, owner.Key, agency.Value.Jurisdiction))
            {
                throw AccessRules.Forbidden("Chỉ ứng dụng nộp hồ sơ của cơ quan hoặc quản trị viên được đăng ký webhook của cơ quan.");
            }
            return;
        }
        if (!AccessRules.CanReadCommitteeWebhook(caller, owner.Key))
        {
            throw AccessRules.Forbidden($"Chỉ Ban chỉ đạo của địa bàn '{owner.Key}' (hoặc cấp trên) và quản trị viên được xem webhook này.");
        }
        if (write && !AccessRules.CanWriteCommitteeWebhook(caller, owner.Key))
        {
            throw AccessRules.Forbidden($"Chỉ chính Ban chỉ đạo của địa bàn '{owner.Key}' hoặc quản trị viên được đăng ký, đổi webhook này.");
        }
    }

    private static void RequireValidKey(WebhookOwner owner)
    {
        var problem = owner.Kind == WebhookOwnerKind.Agency
            ? AgencyId.IsValid(owner.Key) ? null
                : new ValidationProblem("$.route.agencyId", "invalid-agency-id", "Mã cơ quan không hợp lệ.", "Invalid agency id.")
            : JurisdictionCode.IsValid(owner.Key) ? null
                : new ValidationProblem("$.route.jurisdiction", "invalid-jurisdiction",
                    "Mã địa bàn không hợp lệ (ví dụ: 51 hoặc 51.522).", "Invalid jurisdiction code (e.g. 51 or 51.522).");
        if (problem is not null)
        {
            throw new ApiProblemException(ProblemType.InvalidParameter, problem.Message, [problem]);
        }
    }

    private static bool ParseRotate(string? text) => text?.ToLowerInvariant() switch
    {
        null or "false" => false,
        "true" => true,
        _ => throw new ApiProblemException(ProblemType.InvalidParameter, "rotateSecret phải là true hoặc false.",
            [new ValidationProblem("$.query.rotateSecret", "not-a-boolean", "rotateSecret phải là true hoặc false.", "rotateSecret must be true or false.")]),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Subscription} registered")]
    private partial void LogRegistered(string subscription);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Subscription} updated (secret rotated: {Rotated}; previous secret signs until {PreviousSecretExpiresAt})")]
    private partial void LogUpdated(string subscription, bool rotated, DateTimeOffset? previousSecretExpiresAt);
}
