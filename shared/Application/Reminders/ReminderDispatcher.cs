using System.Text.Json;
using CulturalServerless.Application.Webhooks;
using CulturalServerless.Serialization;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Reminders;

/// <summary>
/// Sends one reminder at most once: the record is created first, and only the run whose create
/// succeeded posts it and writes the outcome. A crash between the two leaves it <c>pending</c> —
/// never sent twice, and visible to operators and polling portals.
/// </summary>
public sealed partial class ReminderDispatcher(
    IReminderStore reminders, WebhookSender sender, TimeProvider clock, ILogger<ReminderDispatcher> logger)
{
    /// <summary>The state the reminder ended in, or null when another run had already claimed it.</summary>
    public async Task<ReminderState?> SendOnceAsync(Reminder record, WebhookSubscription? recipient, CancellationToken cancellationToken)
    {
        var claimed = record with
        {
            State = recipient is null ? ReminderState.NoWebhook : ReminderState.Pending,
            Recipient = recipient?.Id,
            CompletedAt = recipient is null ? record.CreatedAt : null,
        };
        if (!await reminders.TryCreateAsync(claimed, cancellationToken))
        {
            return null;
        }
        if (recipient is null)
        {
            LogNoWebhook(record.Id);
            return ReminderState.NoWebhook;
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(ReminderMessage.Of(claimed), JsonDefaults.Options);
        var eventName = JsonSerializer.Serialize(record.Event, JsonDefaults.Options).Trim('"');
        var outcome = await sender.SendAsync(recipient, eventName, record.Id, body, cancellationToken);
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
        return done.State;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {ReminderId} delivered to {Recipient} after {Attempts} attempt(s)")]
    private partial void LogDelivered(string reminderId, string recipient, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderId} to {Recipient} failed after {Attempts} attempt(s): {Error}")]
    private partial void LogFailed(string reminderId, string recipient, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {ReminderId} recorded for polling: no webhook registered")]
    private partial void LogNoWebhook(string reminderId);
}
