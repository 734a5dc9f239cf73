using System.Net;
using System.Net.Sockets;
using Azure;
using CulturalServerless.Application.Webhooks;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Functions.Http;

/// <summary>
/// Tells a dependency that is down or silent — answered with 503 <c>/problems/unavailable</c> and
/// <c>Retry-After</c> — from a bug, which stays a 500. Only these mean "unavailable":
/// <list type="bullet">
/// <item>Cosmos DB answering 503, 408 or 429 (the SDK throws a 429 only once its own retries are spent);</item>
/// <item>Blob Storage answering 408 or 5xx, or not reachable at all (status 0 over a network failure);</item>
/// <item><see cref="HttpRequestException"/> or <see cref="SocketException"/> (also under an <see cref="IOException"/>);</item>
/// <item>an <see cref="OperationCanceledException"/>: the request's deadline, or an SDK's own timeout
/// (Azure.Core's network timeout) — the boundary never asks about one the client caused by going away;</item>
/// <item>an <see cref="AggregateException"/> (Azure.Core's "retry failed after N tries") all of whose parts are;</item>
/// <item>the webhook secrets' key being unusable (<see cref="SecretKeyUnavailableException"/>) for one of these reasons.</item>
/// </list>
/// Anything else — a NullReferenceException, a Cosmos 400 or 404 the code did not expect, a
/// regex timeout — is not.
/// </summary>
public static class DependencyFailures
{
    /// <summary>
    /// The <c>Retry-After</c> of a 503, in seconds: a restarting dependency or a burst of throttling
    /// is usually over by then, and a portal retrying sooner only adds load.
    /// </summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>What failed, in a few words for the log; null when the exception is not a dependency being unavailable.</summary>
    /// <param name="exception">What the request's handling threw.</param>
    /// <param name="deadlinePassed">Whether the request's deadline has passed (it cancelled what was under way).</param>
    public static string? Describe(Exception exception, bool deadlinePassed) => exception switch
    {
        // CosmosOperationCanceledException and TaskCanceledException are OperationCanceledExceptions too.
        OperationCanceledException when deadlinePassed => $"no answer within the request deadline ({exception.GetType().Name})",
        OperationCanceledException => $"cancelled by an SDK's own timeout ({exception.GetType().Name})",
        CosmosException { StatusCode: HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests } cosmos =>
            $"Cosmos DB answered {(int)cosmos.StatusCode}/{cosmos.SubStatusCode}",
        RequestFailedException { Status: 408 or >= 500 } storage => $"Blob Storage answered {storage.Status} {storage.ErrorCode}",
        RequestFailedException { Status: 0, InnerException: { } inner } when IsNetworkFailure(inner) =>
            $"Blob Storage not reachable ({inner.GetType().Name})",
        AggregateException aggregate => DescribeAll(aggregate, deadlinePassed),
        // Key Vault, wrapping or unwrapping a webhook secret: unavailable when what it met is; a refusal (403) stays a bug.
        SecretKeyUnavailableException { InnerException: RequestFailedException { Status: 408 or >= 500 } vault } => $"Key Vault answered {vault.Status} {vault.ErrorCode}",
        SecretKeyUnavailableException { InnerException: { } inner } when Describe(inner, deadlinePassed) is not null =>
            $"Key Vault not reachable ({inner.GetType().Name})",
        SecretKeyUnavailableException => null,
        _ when IsNetworkFailure(exception) => $"not reachable ({exception.GetType().Name})",
        _ => null,
    };

    private static bool IsNetworkFailure(Exception? exception) => exception switch
    {
        HttpRequestException or SocketException => true,
        // "Unable to read data from the transport connection" over a SocketException; a file's IOException has none.
        IOException { InnerException: { } inner } => IsNetworkFailure(inner),
        _ => false,
    };

    private static string? DescribeAll(AggregateException aggregate, bool deadlinePassed)
    {
        var parts = aggregate.Flatten().InnerExceptions;
        if (parts.Count == 0) return null;
        var descriptions = parts.Select(part => Describe(part, deadlinePassed)).ToList();
        return descriptions.All(description => description is not null)
            ? $"{descriptions[^1]} ({parts.Count} tries)"
            : null;
    }
}
