using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Jurisdictions;
using CulturalServerless.Application.Problems;
using CulturalServerless.Storage.Cosmos;
using CulturalServerless.Validation;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Webhooks;

/// <summary>
/// Registers where an agency or a steering committee receives reminders, and issues the secret it
/// verifies them with. This is the one place a webhook is registered.
/// </summary>
public sealed partial class WebhookService(
    WebhookSubscriptionRepository subscriptions, AgencyRepository agencies, TimeProvider clock, ILogger<WebhookService> logger)
{
    // Two portals saving the same receiver at once: the loser re-reads and applies its change again.
    private const int MaxAttempts = 5;

    public sealed record RegisterResult(WebhookView View, bool Created);

    public async Task<RegisterResult> RegisterAsync(
        WebhookOwner owner, WebhookRegistration registration, string? rotateSecret, CancellationToken cancellationToken)
    {
        await RequireOwnerAsync(owner, cancellationToken);
        var rotate = ParseRotate(rotateSecret);
        var url = ValidateUrl(registration.Url);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var current = await subscriptions.FindAsync(owner.DocumentId, cancellationToken);
            if (current is null)
            {
                var subscription = new WebhookSubscription
                {
                    Id = owner.DocumentId, OwnerKind = owner.Kind, Owner = owner.Key, Url = url,
                    Secret = WebhookSignature.NewSecret(), CreatedAt = now, UpdatedAt = now, SecretIssuedAt = now,
                };
                if (await subscriptions.TryCreateAsync(subscription, cancellationToken))
                {
                    LogRegistered(owner.DocumentId);
                    return new RegisterResult(WebhookView.Of(subscription, withSecret: true), Created: true);
                }
                continue;
            }
            var updated = current.Value with
            {
                Url = url,
                UpdatedAt = now,
                Secret = rotate ? WebhookSignature.NewSecret() : current.Value.Secret,
                SecretIssuedAt = rotate ? now : current.Value.SecretIssuedAt,
            };
            if (await subscriptions.TryReplaceAsync(updated, current.ETag, cancellationToken))
            {
                LogUpdated(owner.DocumentId, rotate);
                return new RegisterResult(WebhookView.Of(updated, withSecret: rotate), Created: false);
            }
        }
        throw new ApiProblemException(ProblemType.Conflict, "Webhook đang được cập nhật đồng thời; vui lòng thử lại.");
    }

    public async Task<WebhookView> GetAsync(WebhookOwner owner, CancellationToken cancellationToken)
    {
        RequireValidKey(owner);
        var subscription = await subscriptions.FindAsync(owner.DocumentId, cancellationToken)
            ?? throw ApiProblemException.NotFound("Chưa đăng ký webhook.");
        return WebhookView.Of(subscription.Value, withSecret: false);
    }

    private async Task RequireOwnerAsync(WebhookOwner owner, CancellationToken cancellationToken)
    {
        RequireValidKey(owner);
        if (owner.Kind == WebhookOwnerKind.Agency && await agencies.FindAsync(owner.Key, cancellationToken) is null)
        {
            throw ApiProblemException.NotFound($"Không có cơ quan '{owner.Key}'.");
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

    /// <summary>HTTPS only, so posts and their signatures are not sent in clear; plain HTTP only to this machine, for development and tests.</summary>
    private static string ValidateUrl(string? url)
    {
        if (url is null)
        {
            throw ApiProblemException.Invalid([new ValidationProblem("$.url", "required", "Cần địa chỉ webhook (url).", "The webhook url is required.")]);
        }
        if (url.Length > 2048
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw ApiProblemException.Invalid([new ValidationProblem("$.url", "invalid-webhook-url",
                "Webhook phải là địa chỉ https:// tuyệt đối (http:// chỉ cho máy cục bộ), không kèm tên người dùng/mật khẩu.",
                "The webhook must be an absolute https:// URL (http:// only to loopback) without user info.")]);
        }
        return uri.AbsoluteUri;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Subscription} registered")]
    private partial void LogRegistered(string subscription);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Subscription} updated (secret rotated: {Rotated})")]
    private partial void LogUpdated(string subscription, bool rotated);
}
