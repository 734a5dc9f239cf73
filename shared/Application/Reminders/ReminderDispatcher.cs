using System.Security.Cryptography;
using System.Text.Json;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Serialization;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Reminders;

/// <summary>What became of one reminder in a run.</summary>
public enum DispatchOutcome
{
    /// <summary>Another run had claimed it: nothing sent.</summary>
    AlreadyHandled,
    /// <summary>Not started (the run's budget is spent, or its receiver did not answer earlier in the run): left unclaimed for the next run.</summary>
    Deferred,
    Delivered,
    Failed,
    NoWebhook,
}

/// <summary>
/// Sends one reminder at most once: the record is created first, and only the run whose create
/// succeeded posts it and writes the outcome. A crash between the two leaves it <c>pending</c> —
/// never sent twice, and visible to operators and polling portals. A post the run may not start
/// (<see cref="DeliveryRun"/>) is not claimed at all, so a later run sends it.
/// </summary>
public sealed partial class ReminderDispatcher(
    IReminderStore reminders, WebhookSender sender, WebhookSecretProtector secrets, TimeProvider clock, ILogger<ReminderDispatcher> logger)
{
    public async Task<DispatchOutcome> SendOnceAsync(Reminder record, WebhookSubscription? recipient, DeliveryRun run, CancellationToken cancellationToken)
    {
        if (recipient is not null && !run.MayStart(recipient.Id))
        {
            LogDeferred(record.Id, recipient.Id);
            return DispatchOutcome.Deferred;
        }
        IReadOnlyList<string> signingSecrets = [];
        if (recipient is not null)
        {
            try
            {
                signingSecrets = await secrets.SigningSecretsAsync(recipient, cancellationToken);
            }
            catch (Exception exception) when (exception is SecretKeyUnavailableException or CryptographicException)
            {
                // Key Vault unreachable, or a secret that does not decrypt: nothing can be signed, so
                // nothing is claimed, and the next run tries again.
                LogSecretUnavailable(record.Id, recipient.Id, exception);
                return DispatchOutcome.Deferred;
            }
        }
        var claimed = record with
        {
            State = recipient is null ? ReminderState.NoWebhook : ReminderState.Pending,
            Recipient = recipient?.Id,
            CompletedAt = recipient is null ? record.CreatedAt : null,
        };
        if (!await reminders.TryCreateAsync(claimed, cancellationToken))
        {
            return DispatchOutcome.AlreadyHandled;
        }
        if (recipient is null)
        {
            LogNoWebhook(record.Id);
            return DispatchOutcome.NoWebhook;
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(ReminderMessage.Of(claimed), JsonDefaults.Options);
        var eventName = JsonSerializer.Serialize(record.Event, JsonDefaults.Options).Trim('"');
        var outcome = await sender.SendAsync(recipient, signingSecrets, eventName, record.Id, body, run.Budget, cancellationToken);
        if (!outcome.Delivered && DeliveryErrors.MeansUnavailable(outcome.LastError)) run.MarkUnavailable(recipient.Id);
        var done = claimed with
        {
            State = outcome.Delivered ? ReminderState.Delivered : ReminderState.Failed,
            Attempts = outcome.Attempts,
            LastError = outcome.LastError,
            CompletedAt = clock.GetUtcNow(),
        };
        // Not cancelled with the run: the post went out, and its outcome must not be lost with it.
        await reminders.ReplaceAsync(done, CancellationToken.None);
        if (outcome.Delivered) LogDelivered(record.Id, recipient.Id, outcome.Attempts);
        else LogFailed(record.Id, recipient.Id, outcome.Attempts, outcome.LastError);
        return outcome.Delivered ? DispatchOutcome.Delivered : DispatchOutcome.Failed;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder {ReminderId} to {Recipient} left for the next run: its signing secret could not be decrypted")]
    private partial void LogSecretUnavailable(string reminderId, string recipient, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {ReminderId} to {Recipient} left for the next run: budget spent or receiver unavailable in this run")]
    private partial void LogDeferred(string reminderId, string recipient);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {ReminderId} delivered to {Recipient} after {Attempts} attempt(s)")]
    private partial void LogDelivered(string reminderId, string recipient, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderId} to {Recipient} failed after {Attempts} attempt(s): {Error}")]
    private partial void LogFailed(string reminderId, string recipient, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {ReminderId} recorded for polling: no webhook registered")]
    private partial void LogNoWebhook(string reminderId);
}
