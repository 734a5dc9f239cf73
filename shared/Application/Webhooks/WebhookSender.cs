using System.Diagnostics;
using CulturalServerless.Application.Telemetry;
using System.Net;
using System.Net.Http.Headers;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CulturalServerless.Application.Webhooks;

/// <summary>The outcome of one try: delivered or not, why not (a <see cref="DeliveryErrors"/> category), and whether another try may fare better.</summary>
public sealed record WebhookOutcome(bool Delivered, string? LastError, bool Retryable);

/// <summary>
/// Posts one signed event to its receiver, once. Whether to try again is the caller's: a failure
/// that may pass (network errors, timeouts, 408, 429, 5xx) is <see cref="WebhookOutcome.Retryable"/>;
/// any other answer is final, since a receiver that refuses the request (e.g. 401 on a bad signature)
/// will refuse it again, and a host that resolves to a private address (<see cref="WebhookConnector"/>)
/// is not tried again either. The reminder deliveries retry through their queue (docs/reminders.md).
/// </summary>
public sealed partial class WebhookSender(
    IHttpClientFactory clients, IOptions<WebhookDeliveryOptions> options, TimeProvider clock, ILogger<WebhookSender> logger)
{
    public const string ClientName = "webhooks";

    /// <param name="subscription">Where to post.</param>
    /// <param name="secrets">The secrets to sign with (<see cref="WebhookSecretProtector.SigningSecretsAsync"/>).</param>
    /// <param name="eventName">The <c>X-Cultural-Event</c> header.</param>
    /// <param name="deliveryId">The <c>X-Cultural-Delivery</c> header, the same on every try.</param>
    /// <param name="body">The JSON body, signed as sent.</param>
    /// <param name="attempt">Which try this is, for the logs.</param>
    /// <param name="cancellationToken">Cancels the try.</param>
    public async Task<WebhookOutcome> PostAsync(
        WebhookSubscription subscription, IReadOnlyList<string> secrets, string eventName, string deliveryId, byte[] body, int attempt,
        CancellationToken cancellationToken)
    {
        using var activity = AppTelemetry.Source.StartActivity("WebhookDelivery", ActivityKind.Producer);
        activity?.SetTag("cultural.webhook.event", eventName);
        activity?.SetTag("cultural.webhook.subscription", subscription.Id);
        activity?.SetTag("cultural.webhook.delivery", deliveryId);
        activity?.SetTag("cultural.webhook.attempt", attempt);
        var outcome = await TryPostAsync(subscription, secrets, eventName, deliveryId, body, attempt, cancellationToken);
        if (!outcome.Delivered) activity?.SetStatus(ActivityStatusCode.Error, outcome.LastError);
        AppTelemetry.WebhookDeliveries.Add(1,
            new KeyValuePair<string, object?>("event", eventName),
            new KeyValuePair<string, object?>("outcome", outcome.Delivered ? "delivered" : outcome.Retryable ? "retry" : "failed"),
            new KeyValuePair<string, object?>("error.type", outcome.LastError ?? ""));
        return outcome;
    }

    private async Task<WebhookOutcome> TryPostAsync(
        WebhookSubscription subscription, IReadOnlyList<string> secrets, string eventName, string deliveryId, byte[] body, int attempt,
        CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(ClientName);
        string lastError;
        bool retryable;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Timeout);
            using var request = SignedRequest(subscription.Url, secrets, eventName, deliveryId, body);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return new WebhookOutcome(true, null, false);
            }
            lastError = DeliveryErrors.Http((int)response.StatusCode);
            retryable = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                || (int)response.StatusCode >= 500;
            LogAttemptFailed(deliveryId, subscription.Id, attempt, lastError, null);
        }
        catch (HttpRequestException exception)
        {
            lastError = DeliveryErrors.Of(exception);
            retryable = lastError != DeliveryErrors.PrivateAddress;
            LogAttemptFailed(deliveryId, subscription.Id, attempt, lastError, exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            lastError = DeliveryErrors.Timeout;
            retryable = true;
            LogAttemptFailed(deliveryId, subscription.Id, attempt, lastError, exception);
        }
        return new WebhookOutcome(false, lastError, retryable);
    }

    private HttpRequestMessage SignedRequest(string url, IReadOnlyList<string> secrets, string eventName, string deliveryId, byte[] body)
    {
        // Signed afresh on each try, so a retry after a long pause still falls within the replay window.
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.SignAll(secrets, timestamp, body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, deliveryId);
        request.Headers.Add(WebhookSignature.EventHeader, eventName);
        return request;
    }

    // The exception (socket and TLS text included) goes to the operators' logs only; the record keeps the category.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {Subscription} failed on attempt {Attempt}: {Error}")]
    private partial void LogAttemptFailed(string deliveryId, string subscription, int attempt, string error, Exception? exception);
}
