using System.Text.Json;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CulturalServerless.Application.Reminders;

/// <summary>What became of one delivery message.</summary>
public enum DeliveryOutcome
{
    Delivered,
    /// <summary>Failed for good: refused, or out of tries. Recorded as <c>failed</c>.</summary>
    Failed,
    /// <summary>The reminder was finished already (a repeated message): nothing posted.</summary>
    AlreadyDone,
    /// <summary>Another delivery of the same reminder is posting it right now: this one leaves it.</summary>
    InFlight,
    /// <summary>Its webhook was removed after it was queued: recorded for polling.</summary>
    NoWebhook,
    /// <summary>No such reminder (its record is gone): nothing to do.</summary>
    Unknown,
}

/// <summary>
/// A try that may fare better later: thrown so that the queue makes the message visible again after
/// the host's <c>visibilityTimeout</c>, and the next dequeue tries again.
/// </summary>
public sealed class ReminderRetryException(string reminderId, int attempt, string? error)
    : Exception($"Reminder {reminderId}: attempt {attempt} failed ({error}); the queue tries it again.");

/// <summary>
/// Posts one queued reminder, one try per delivery of its message. The record says what is left
/// to do, so a repeated or duplicated message costs a read and posts nothing twice: a reminder no
/// longer pending is done; a try under way (begun less than <c>Webhooks__Timeout</c> and a margin
/// ago) belongs to another delivery; each try is claimed with If-Match, so two deliveries racing
/// cannot both post. A try that may pass is recorded on the reminder (attempts, last error) and
/// thrown, so the queue retries it; after <c>Webhooks__MaxAttempts</c> tries, or on a final answer,
/// the reminder is recorded <c>failed</c>. A process killed mid-try leaves its message to reappear.
/// </summary>
public sealed partial class ReminderDeliverer(
    IReminderStore reminders,
    IWebhookSubscriptionStore subscriptions,
    WebhookSender sender,
    WebhookSecretProtector secrets,
    IOptions<WebhookDeliveryOptions> options,
    TimeProvider clock,
    ILogger<ReminderDeliverer> logger)
{
    /// <summary>Beyond the try's own timeout, before an unfinished try counts as abandoned.</summary>
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(5);

    /// <summary>The <c>lastError</c> of a reminder whose message the queue gave up on.</summary>
    public const string Poisoned = "poisoned";

    public async Task<DeliveryOutcome> DeliverAsync(ReminderDeliveryMessage message, CancellationToken cancellationToken)
    {
        var stored = await reminders.FindStoredAsync(message.Year, message.ReminderId, cancellationToken);
        if (stored is null)
        {
            LogUnknown(message.ReminderId);
            return DeliveryOutcome.Unknown;
        }
        var record = stored.Value;
        if (record.State != ReminderState.Pending) return DeliveryOutcome.AlreadyDone;
        var now = clock.GetUtcNow();
        if (record.AttemptStartedAt is { } started && started + options.Value.Timeout + LeaseMargin > now)
        {
            LogInFlight(record.Id);
            return DeliveryOutcome.InFlight;
        }
        var subscription = record.Recipient is null ? null : (await subscriptions.FindAsync(record.Recipient, cancellationToken))?.Value;
        if (subscription is null)
        {
            await reminders.TryReplaceAsync(record with { State = ReminderState.NoWebhook, CompletedAt = now }, stored.ETag, cancellationToken);
            LogNoWebhook(record.Id);
            return DeliveryOutcome.NoWebhook;
        }
        // Key Vault unreachable, or a secret that does not decrypt, throws: nothing is claimed, and
        // the queue delivers the message again.
        var signingSecrets = await secrets.SigningSecretsAsync(subscription, cancellationToken);
        var trying = record with { Attempts = record.Attempts + 1, AttemptStartedAt = now };
        var claim = await reminders.TryReplaceAsync(trying, stored.ETag, cancellationToken);
        if (claim is null)
        {
            LogInFlight(record.Id);
            return DeliveryOutcome.InFlight;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(ReminderMessage.Of(record), JsonDefaults.Options);
        var eventName = JsonSerializer.Serialize(record.Event, JsonDefaults.Options).Trim('"');
        var outcome = await sender.PostAsync(subscription, signingSecrets, eventName, record.Id, body, trying.Attempts, cancellationToken);
        var retry = !outcome.Delivered && outcome.Retryable && trying.Attempts < options.Value.MaxAttempts;
        var done = trying with
        {
            State = outcome.Delivered ? ReminderState.Delivered : retry ? ReminderState.Pending : ReminderState.Failed,
            LastError = outcome.LastError,
            AttemptStartedAt = null,
            CompletedAt = retry ? null : clock.GetUtcNow(),
        };
        // Not cancelled with the invocation: the post went out, and its outcome must not be lost with it.
        await reminders.TryReplaceAsync(done, claim, CancellationToken.None);
        if (retry) throw new ReminderRetryException(record.Id, trying.Attempts, outcome.LastError);
        if (outcome.Delivered) LogDelivered(record.Id, subscription.Id, trying.Attempts);
        else LogFailed(record.Id, subscription.Id, trying.Attempts, outcome.LastError);
        return outcome.Delivered ? DeliveryOutcome.Delivered : DeliveryOutcome.Failed;
    }

    /// <summary>
    /// The queue gave up on the message (the app itself failed on every delivery of it): a reminder
    /// still pending is recorded <c>failed</c> with <see cref="Poisoned"/>, so none stays pending and
    /// <c>GET /api/reminders</c> lists it.
    /// </summary>
    public async Task RecordPoisonedAsync(ReminderDeliveryMessage message, CancellationToken cancellationToken)
    {
        var stored = await reminders.FindStoredAsync(message.Year, message.ReminderId, cancellationToken);
        if (stored is null || stored.Value.State != ReminderState.Pending) return;
        await reminders.TryReplaceAsync(stored.Value with
        {
            State = ReminderState.Failed,
            LastError = Poisoned,
            AttemptStartedAt = null,
            CompletedAt = clock.GetUtcNow(),
        }, stored.ETag, cancellationToken);
        LogPoisoned(message.ReminderId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderId} is not recorded: its delivery message is dropped")]
    private partial void LogUnknown(string reminderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {ReminderId} is being posted by another delivery: this one leaves it")]
    private partial void LogInFlight(string reminderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {ReminderId} delivered to {Recipient} after {Attempts} attempt(s)")]
    private partial void LogDelivered(string reminderId, string recipient, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderId} to {Recipient} failed after {Attempts} attempt(s): {Error}")]
    private partial void LogFailed(string reminderId, string recipient, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {ReminderId} recorded for polling: its webhook is gone")]
    private partial void LogNoWebhook(string reminderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder {ReminderId}: the queue gave up on its delivery; recorded as failed (poisoned)")]
    private partial void LogPoisoned(string reminderId);
}
