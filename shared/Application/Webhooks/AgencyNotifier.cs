using System.Security.Cryptography;
using System.Text.Json;
using CulturalServerless.Serialization;
using Microsoft.Extensions.Logging;

namespace CulturalServerless.Application.Webhooks;

/// <summary>An event of the appraisal and recognition process posted to an agency's webhook.</summary>
/// <param name="Id">Equals the <c>X-Cultural-Delivery</c> header: the same for every post of the same event, so a receiver drops repeats.</param>
/// <param name="Event">The <c>X-Cultural-Event</c> header: <c>explanation-requested</c> or <c>decision-signed</c>.</param>
/// <param name="Message">A sentence a portal can show as it is.</param>
/// <param name="Link">Where the portal reads the details, e.g. <c>/api/agencies/{id}/assessments/2025/appraisal</c>.</param>
public sealed record AgencyEvent(string Id, string Event, string AgencyId, int Year, string Message, string Link, DateOnly? Deadline = null);

/// <summary>
/// Posts process events to an agency's webhook after the change they announce is stored, signed as
/// reminders are, within a short budget so the request that caused them is not held up. Delivery is
/// best effort: the state the event announces is always readable through the API (and in the
/// assessment's history), which is what a portal without a webhook, or one that missed a post, reads.
/// </summary>
public sealed partial class AgencyNotifier(
    IWebhookSubscriptionStore subscriptions, WebhookSender sender, WebhookSecretProtector secrets, ILogger<AgencyNotifier> logger)
{
    /// <summary>How long one event may take in all, tries included.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    /// <summary>True when it was delivered; false when the agency has no webhook or the post failed (logged).</summary>
    public async Task<bool> NotifyAsync(AgencyEvent message, CancellationToken cancellationToken)
    {
        try
        {
            var subscription = (await subscriptions.FindAsync(WebhookOwner.Agency(message.AgencyId).DocumentId, cancellationToken))?.Value;
            if (subscription is null)
            {
                LogNoWebhook(message.Event, message.AgencyId);
                return false;
            }
            var signing = await secrets.SigningSecretsAsync(subscription, cancellationToken);
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(Budget);
            var body = JsonSerializer.SerializeToUtf8Bytes(message, JsonDefaults.Options);
            // One try: the portal reads the same state from the API if it misses the event.
            var outcome = await sender.PostAsync(subscription, signing, message.Event, message.Id, body, attempt: 1, budget.Token);
            if (outcome.Delivered) LogDelivered(message.Event, message.AgencyId);
            else LogFailed(message.Event, message.AgencyId, outcome.LastError);
            return outcome.Delivered;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(message.Event, message.AgencyId, DeliveryErrors.Timeout);
            return false;
        }
        catch (Exception exception) when (exception is SecretKeyUnavailableException or CryptographicException)
        {
            LogSecretUnavailable(exception, message.Event, message.AgencyId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {Event} for agency {AgencyId} not posted: no webhook registered")]
    private partial void LogNoWebhook(string @event, string agencyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {Event} delivered to agency {AgencyId}")]
    private partial void LogDelivered(string @event, string agencyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {Event} to agency {AgencyId} failed: {Error}")]
    private partial void LogFailed(string @event, string agencyId, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {Event} to agency {AgencyId} not posted: its signing secret could not be decrypted")]
    private partial void LogSecretUnavailable(Exception exception, string @event, string agencyId);
}
