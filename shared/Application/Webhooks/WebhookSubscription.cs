using CulturalServerless.Application.Agencies;

namespace CulturalServerless.Application.Webhooks;

/// <summary>
/// Where the system posts to one receiver — an agency, or a steering committee's portal — and the
/// secret it signs those posts with. Stored in the <c>clients</c> container under
/// <see cref="WebhookOwner.DocumentId"/>.
/// </summary>
public sealed record WebhookSubscription
{
    public const string DocumentType = "webhook";

    public required string Id { get; init; }
    public string Type { get; init; } = DocumentType;
    public required WebhookOwnerKind OwnerKind { get; init; }
    /// <summary>The agency id, or the committee's jurisdiction code.</summary>
    public required string Owner { get; init; }
    public required string Url { get; init; }
    /// <summary>
    /// The signing secret (32 random bytes, base64url; the HMAC key is this text's UTF-8 bytes, as
    /// receivers hold it), encrypted (<see cref="WebhookSecretProtector"/>).
    /// </summary>
    public ProtectedSecret? ProtectedSecret { get; init; }
    /// <summary>
    /// Only in documents written before secrets were encrypted: the secret in clear. Read, never
    /// written: the next PUT of the webhook encrypts it and removes this.
    /// </summary>
    public string? Secret { get; init; }
    /// <summary>The secret before the last rotation, still signed with until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public ProtectedSecret? PreviousSecret { get; init; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset SecretIssuedAt { get; init; }
}

public enum WebhookOwnerKind
{
    Agency,
    Committee,
}

/// <summary>Who a subscription belongs to, and the document id that makes one per owner.</summary>
public sealed record WebhookOwner(WebhookOwnerKind Kind, string Key)
{
    public string DocumentId => (Kind == WebhookOwnerKind.Agency ? "agency:" : "committee:") + Key;

    public static WebhookOwner Agency(string agencyId) => new(WebhookOwnerKind.Agency, agencyId);

    public static WebhookOwner Committee(string jurisdiction) => new(WebhookOwnerKind.Committee, jurisdiction);
}

/// <summary>The body of <c>PUT …/webhook</c>; optional so that a missing url is a validation problem with its path.</summary>
public sealed record WebhookRegistration(string? Url);

/// <summary>
/// What the API shows of a subscription. <see cref="Secret"/> is present only in the answer that
/// issued it (first registration or <c>?rotateSecret=true</c>): the system never shows it again.
/// <see cref="PreviousSecretExpiresAt"/> says until when posts are signed with the secret before it too.
/// <see cref="UnitEnded"/>, for a committee's webhook only, says that its unit has ended and where its digests go now.
/// </summary>
public sealed record WebhookView(
    string Url, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset SecretIssuedAt,
    DateTimeOffset? PreviousSecretExpiresAt = null, string? Secret = null)
{
    public EndedCommitteeWebhook? UnitEnded { get; init; }

    public static WebhookView Of(WebhookSubscription subscription, DateTimeOffset now, string? issuedSecret = null) =>
        new(subscription.Url, subscription.CreatedAt, subscription.UpdatedAt, subscription.SecretIssuedAt,
            subscription.PreviousSecretExpiresAt > now ? subscription.PreviousSecretExpiresAt : null, issuedSecret);
}
