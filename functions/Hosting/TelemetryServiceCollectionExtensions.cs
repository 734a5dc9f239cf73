using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using CulturalServerless.Application.Telemetry;
using CulturalServerless.Storage;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CulturalServerless.Functions.Hosting;

/// <summary>
/// OpenTelemetry for the app: the app's spans and metrics (<see cref="AppTelemetry"/>), the Azure
/// SDKs' spans (Cosmos DB operations, Blob Storage calls), HttpClient's (webhook posts, Key Vault,
/// the TSA) and the logs. Exported to Application Insights when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (with Entra ID ingestion through the managed
/// identity that <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> names), else over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, else to the console with <c>Telemetry__Console=true</c>,
/// else nowhere.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ConsoleSetting = "Telemetry:Console";

    /// <summary>The spans traced: the app's, every Azure SDK's (Cosmos DB's "Azure.Cosmos.Operation", Blob Storage's clients).</summary>
    public static IReadOnlyList<string> TraceSources { get; } = [AppTelemetry.Name, "Azure.*"];

    /// <param name="functionsHost">Under the Functions host: its invocation spans and resource attributes (the local runner has no host).</param>
    public static IServiceCollection AddCulturalServerlessTelemetry(this IServiceCollection services, IConfiguration configuration, bool functionsHost)
    {
        StorageServiceCollectionExtensions.EnableSdkSpans();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("cultural-serverless"))
            .WithTracing(tracing => tracing.AddSource([.. TraceSources]).AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(AppTelemetry.Name).AddHttpClientInstrumentation())
            .WithLogging(_ => { }, options =>
            {
                options.IncludeFormattedMessage = true;
                options.IncludeScopes = true;
            });
        if (functionsHost) telemetry.UseFunctionsWorkerDefaults();
        if (configuration[ConnectionStringSetting] is { Length: > 0 } connectionString)
        {
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                if (ManagedIdentityClientId(configuration[AuthenticationSetting]) is { } clientId)
                {
                    options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        }
        else if (configuration[OtlpEndpointSetting] is { Length: > 0 })
        {
            telemetry.UseOtlpExporter();
        }
        else if (configuration.GetValue<bool>(ConsoleSetting))
        {
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }
        services.AddLogging(logging => KeepInformationLogs(logging));
        return services;
    }

    /// <summary>
    /// The Functions worker's Application Insights integration adds a logging rule that lets only
    /// warnings and above through to it; the app's own Information logs (a report signed, a reminder
    /// delivered) would never arrive. That rule is removed, and the app's categories are let through
    /// at Information to the OpenTelemetry logger, whatever the defaults say.
    /// </summary>
    public static ILoggingBuilder KeepInformationLogs(ILoggingBuilder logging)
    {
        logging.Services.Configure<LoggerFilterOptions>(options =>
        {
            foreach (var rule in options.Rules.Where(IsApplicationInsightsRule).ToList()) options.Rules.Remove(rule);
        });
        logging.AddFilter<OpenTelemetryLoggerProvider>("CulturalServerless", LogLevel.Information);
        return logging;
    }

    private static bool IsApplicationInsightsRule(LoggerFilterRule rule) =>
        rule.ProviderName is { } name && name.EndsWith("ApplicationInsightsLoggerProvider", StringComparison.Ordinal);

    /// <summary>The client id in <c>ClientId=…;Authorization=AAD</c>; null for the system-assigned identity or no setting.</summary>
    internal static string? ManagedIdentityClientId(string? authentication) =>
        authentication?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair[1])
            .FirstOrDefault();
}
