using System.Data.Common;
using Azure.Core;
using CulturalServerless.Serialization;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.Storage.Cosmos;

/// <summary>Builds the process's single <see cref="CosmosClient"/> from <see cref="StorageOptions"/>.</summary>
public static class CosmosClientFactory
{
    public static CosmosClient Create(StorageOptions options, TokenCredential credential)
    {
        if (options.CosmosConnectionString is { } connectionString)
        {
            var endpoint = ReadEndpoint(connectionString);
            return new CosmosClient(connectionString, ClientOptions(LocalEmulator.IsLoopback(endpoint)));
        }
        return new CosmosClient(options.CosmosAccountEndpoint!.ToString(), credential, ClientOptions(emulator: false));
    }

    /// <summary>
    /// The budget of one network request to the service in direct mode (the SDK's default is 6 s).
    /// Gateway mode, which only the emulator gets here, has a fixed 65 s per attempt instead; there
    /// and everywhere the HTTP request's deadline (<c>Http__RequestDeadline</c>, 10 s) cancels first.
    /// </summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Opening a TCP connection to a replica (direct mode; the SDK's default is 5 s): a dead one fails fast and the SDK tries another.</summary>
    public static readonly TimeSpan OpenTcpConnectionTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The SDK retries 429s itself, at most this often and this long in all (its defaults: 9 and
    /// 30 s). 8 s stays under the default request deadline, so a throttled HTTP request surfaces the
    /// 429 (answered 503 with Retry-After) before the deadline cuts it; background runs that are
    /// throttled for longer than that fail and are retried by their trigger.
    /// </summary>
    public const int MaxRetryAttemptsOnRateLimitedRequests = 9;

    public static readonly TimeSpan MaxRetryWaitTimeOnRateLimitedRequests = TimeSpan.FromSeconds(8);

    private static CosmosClientOptions ClientOptions(bool emulator)
    {
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "CulturalServerless",
            UseSystemTextJsonSerializerWithOptions = JsonDefaults.Options,
            RequestTimeout = RequestTimeout,
            MaxRetryAttemptsOnRateLimitedRequests = MaxRetryAttemptsOnRateLimitedRequests,
            MaxRetryWaitTimeOnRateLimitedRequests = MaxRetryWaitTimeOnRateLimitedRequests,
            // Each operation as an "Azure.Cosmos.Operation" span, for whoever listens (OpenTelemetry in the app).
            CosmosClientTelemetryOptions = new CosmosClientTelemetryOptions { DisableDistributedTracing = false },
        };
        if (emulator)
        {
            // The local emulator speaks only the gateway protocol, on one address, with a
            // self-signed certificate. Nothing but a loopback endpoint gets this.
            clientOptions.ConnectionMode = ConnectionMode.Gateway;
            clientOptions.LimitToEndpoint = true;
            clientOptions.ServerCertificateCustomValidationCallback = (_, _, _) => true;
        }
        else
        {
            // Direct mode (the SDK's default) only: the SDK refuses TCP settings in gateway mode.
            clientOptions.OpenTcpConnectionTimeout = OpenTcpConnectionTimeout;
        }
        return clientOptions;
    }

    private static Uri ReadEndpoint(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (builder.TryGetValue("AccountEndpoint", out var value)
            && Uri.TryCreate(value?.ToString(), UriKind.Absolute, out var endpoint))
        {
            return endpoint;
        }
        throw new InvalidOperationException("Cosmos__ConnectionString has no valid AccountEndpoint.");
    }
}
