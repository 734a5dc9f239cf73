using System.Diagnostics;
using CulturalServerless.Application.Telemetry;
using System.Net;
using System.Net.Http.Headers;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CulturalServerless.Application.Webhooks;

/// <summary>The outcome of posting one event: delivered or not, after how many tries, and why not (a <see cref="DeliveryErrors"/> category).</summary>
public sealed record WebhookOutcome(bool Delivered, int Attempts, string? LastError);

/// <summary>
/// Posts signed events to receivers, retrying with doubling pauses when the failure may pass
/// (network errors, timeouts, 408, 429, 5xx). Any other answer is final: a receiver that refuses
/// the request (e.g. 401 on a bad signature) will refuse it again, and a host that resolves to a
/// private address (<see cref="WebhookConnector"/>) is not tried again either.
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
    /// <param name="retryBudget">Once cancelled, no further try starts (the run's budget); a try under way finishes.</param>
    /// <param name="cancellationToken">Cancels everything.</param>
    public async Task<WebhookOutcome> SendAsync(
        WebhookSubscription subscription, IReadOnlyList<string> secrets, string eventName, string deliveryId, byte[] body,
        CancellationToken retryBudget, CancellationToken cancellationToken)
    {
        using var activity = AppTelemetry.Source.StartActivity("WebhookDelivery", ActivityKind.Producer);
        activity?.SetTag("cultural.webhook.event", eventName);
        activity?.SetTag("cultural.webhook.subscription", subscription.Id);
        activity?.SetTag("cultural.webhook.delivery", deliveryId);
        var outcome = await SendWithRetriesAsync(subscription, secrets, eventName, deliveryId, body, retryBudget, cancellationToken);
        activity?.SetTag("cultural.webhook.attempts", outcome.Attempts);
        if (!outcome.Delivered) activity?.SetStatus(ActivityStatusCode.Error, outcome.LastError);
        AppTelemetry.WebhookDeliveries.Add(1,
            new KeyValuePair<string, object?>("event", eventName),
            new KeyValuePair<string, object?>("outcome", outcome.Delivered ? "delivered" : "failed"),
            new KeyValuePair<string, object?>("error.type", outcome.LastError ?? ""));
        return outcome;
    }

    private async Task<WebhookOutcome> SendWithRetriesAsync(
        WebhookSubscription subscription, IReadOnlyList<string> secrets, string eventName, string deliveryId, byte[] body,
        CancellationToken retryBudget, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = clients.CreateClient(ClientName);
        string? lastError = null;
        for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                using var pause = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, retryBudget);
                try
                {
                    // Real time, not the injected clock: this only spaces out tries, it dates nothing.
                    await Task.Delay(settings.FirstRetryDelay * Math.Pow(2, attempt - 2), pause.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    LogBudgetSpent(deliveryId, subscription.Id, attempt - 1);
                    return new WebhookOutcome(false, attempt - 1, lastError);
                }
            }
            bool retryable;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(settings.Timeout);
                using var request = SignedRequest(subscription.Url, secrets, eventName, deliveryId, body);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return new WebhookOutcome(true, attempt, null);
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
            if (!retryable) return new WebhookOutcome(false, attempt, lastError);
        }
        return new WebhookOutcome(false, settings.MaxAttempts, lastError);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {Subscription} not retried after attempt {Attempt}: the run's delivery budget is spent")]
    private partial void LogBudgetSpent(string deliveryId, string subscription, int attempt);

    // The exception (socket and TLS text included) goes to the operators' logs only; the record keeps the category.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {Subscription} failed on attempt {Attempt}: {Error}")]
    private partial void LogAttemptFailed(string deliveryId, string subscription, int attempt, string error, Exception? exception);
}
