using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CulturalServerless.Application.Telemetry;

/// <summary>
/// The app's own spans and metrics (OpenTelemetry reads them by <see cref="Name"/>): a submission,
/// the render it sets off (continuing the submitter's trace from the report request), webhook
/// deliveries; the counts and durations an operator charts. The SDKs' own spans (Cosmos DB, Blob
/// Storage, HttpClient) are enabled where the exporters are set up.
/// </summary>
public static class AppTelemetry
{
    public const string Name = "CulturalServerless";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    /// <summary>Official submissions stored as a new version (a replayed retry is not counted again).</summary>
    public static Counter<long> Submissions { get; } = Meter.CreateCounter<long>("cultural.submissions", "{submission}", "Official submissions stored as a new version");

    /// <summary>Renders by outcome (<c>ready</c>, <c>failed</c>).</summary>
    public static Counter<long> Renders { get; } = Meter.CreateCounter<long>("cultural.report.renders", "{render}", "Report renders by outcome");

    public static Histogram<double> RenderDuration { get; } = Meter.CreateHistogram<double>("cultural.report.render.duration", "ms", "Time to render, sign and store a report");

    /// <summary>Renders that failed, by whether a dependency's outage caused it (<c>outage</c> true/false).</summary>
    public static Counter<long> RenderFailures { get; } = Meter.CreateCounter<long>("cultural.report.render.failures", "{render}", "Report renders that failed");

    /// <summary>Webhook deliveries (reminders and digests) by event and outcome (<c>delivered</c>, <c>failed</c>) with the error's category.</summary>
    public static Counter<long> WebhookDeliveries { get; } = Meter.CreateCounter<long>("cultural.webhook.deliveries", "{delivery}", "Webhook deliveries by event and outcome");

    /// <summary>The W3C trace context of the current span (<c>traceparent</c>, <c>tracestate</c>), to be stored with work another process picks up.</summary>
    public static (string? TraceParent, string? TraceState) CurrentContext() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? (current.Id, current.TraceStateString) : (null, null);

    /// <summary>
    /// A span that continues the trace of <paramref name="traceParent"/> (stored by the process that
    /// asked for the work), linked to the span that runs it now (the trigger's invocation); a span of
    /// the current trace when there is none or it does not parse.
    /// </summary>
    public static Activity? StartContinuing(string name, string? traceParent, string? traceState, ActivityKind kind = ActivityKind.Consumer)
    {
        if (traceParent is null || !ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent))
        {
            return Source.StartActivity(name, kind);
        }
        var links = Activity.Current is { } current ? new[] { new ActivityLink(current.Context) } : null;
        return Source.StartActivity(kind, parent, links: links, name: name);
    }
}
