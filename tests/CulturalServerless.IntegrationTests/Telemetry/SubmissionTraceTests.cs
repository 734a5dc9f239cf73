using System.Diagnostics;
using Azure.Storage.Blobs;
using CulturalServerless.Application.Reports;
using CulturalServerless.Calendar;
using CulturalServerless.Functions.Triggers;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace CulturalServerless.IntegrationTests.Telemetry;

/// <summary>
/// One trace from the portal's HTTP submission to the render of its report, through the app's own
/// services as the host calls them, recorded by OpenTelemetry's in-memory exporter with the app's
/// trace sources.
/// </summary>
public sealed class SubmissionTraceTests(AppServices app) : IClassFixture<AppServices>
{
    /// <summary>Stands for the Functions host, whose invocation span runs the blob trigger in a trace of its own.</summary>
    private static readonly ActivitySource Host = new("Tests.FunctionsHost");

    [Fact]
    public async Task The_render_continues_the_trace_of_the_submission_that_asked_for_it()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource([.. TelemetryServiceCollectionExtensions.TraceSources, Host.Name])
            .AddInMemoryExporter(spans)
            .Build();
        var api = new ApiClient(app);
        var agencyId = await api.RegisterAgencyAsync();

        Activity.Current = null;
        Assert.Equal(201, (await api.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"))).Status);

        // The blob trigger fires later, in the host's own invocation span of another trace.
        var name = AssessmentKeys.ReportRequestName(agencyId, 2022, 1);
        var blob = app.Get<BlobServiceClient>().GetBlobContainerClient(BlobContainers.ReportRequests).GetBlobClient(name);
        Activity.Current = null;
        ActivityTraceId invocationTrace;
        using (var invocation = Host.StartActivity("Invoke RenderReport", ActivityKind.Server))
        {
            invocationTrace = invocation!.TraceId;
            await new RenderReportFunction(app.Get<ReportRenderingService>(), app.Get<CulturalServerless.Application.Decisions.DecisionRenderingService>()).Run(blob, name, CancellationToken.None);
        }
        Assert.Equal("ready", (string)(await api.GetLatestAsync(agencyId)).Json["report"]!["state"]!);

        Activity[] snapshot;
        lock (spans) snapshot = [.. spans];
        var submission = Assert.Single(snapshot, s => s.DisplayName == "HTTP POST"
            && (string?)s.GetTagItem("url.path") == $"/api/agencies/{agencyId}/assessments/2022");
        Assert.Equal(201, submission.GetTagItem("http.response.status_code"));
        var render = Assert.Single(snapshot, s => s.DisplayName == "RenderReport" && (string?)s.GetTagItem("cultural.agency_id") == agencyId);

        Assert.Equal(submission.TraceId, render.TraceId);
        Assert.Equal(submission.SpanId, render.ParentSpanId);
        Assert.NotEqual(invocationTrace, render.TraceId);
        Assert.Contains(render.Links, link => link.Context.TraceId == invocationTrace);
        // The storage calls of both ends are in the one trace: the submission's Cosmos DB writes and
        // report-request upload, the render's reads, its PDF upload and its record of it.
        var trace = snapshot.Where(s => s.TraceId == submission.TraceId).ToList();
        Assert.Contains(trace, s => s.Source.Name == "Azure.Cosmos.Operation" && s.ParentSpanId == submission.SpanId);
        Assert.Contains(trace, s => s.Source.Name == "Azure.Cosmos.Operation" && IsUnder(s, render, trace));
        Assert.Contains(trace, s => s.Source.Name.StartsWith("Azure.Storage.Blobs", StringComparison.Ordinal) && IsUnder(s, render, trace));
    }

    [Fact]
    public async Task A_first_submission_in_its_own_year_reads_the_agency_and_writes_its_version_head_and_register_in_one_batch_and_its_report_request()
    {
        var year = VietnamCalendar.DateOf(DateTimeOffset.UtcNow).Year;
        // The floor of the load harness is one create and the blob; the agency read is what a
        // submission adds, and the head and the register's number 1 go in the version's batch.
        // No read of the (missing) head.
        Assert.Equal(["BlobClient.Upload", "execute_batch assessments", "read_item agencies"], await StorageOfFirstSubmissionAsync(year));
    }

    [Fact]
    public async Task A_first_submission_of_an_earlier_year_takes_its_number_in_this_years_register_apart()
    {
        // This year's register is in the partition of this year's assessment, not the 2022 one the batch writes.
        Assert.Equal(["BlobClient.Upload", "create_item assessments", "execute_batch assessments", "read_item agencies"],
            await StorageOfFirstSubmissionAsync(2022));
    }

    /// <summary>The storage requests of an agency-year's first submission, once the instance has read what it caches.</summary>
    private async Task<List<string>> StorageOfFirstSubmissionAsync(int year)
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource([.. TelemetryServiceCollectionExtensions.TraceSources])
            .AddInMemoryExporter(spans)
            .Build();
        var api = new ApiClient(app);
        var earlier = await api.RegisterAgencyAsync();
        var next = await api.RegisterAgencyAsync();
        var body = ApiClient.SeedFor(year);
        // The portal's registry entry (ReadCache__Seconds) and the register layout are read once
        // and then kept by the instance: an earlier request of the same portal, refused, reads the
        // first, and an earlier submission of another agency the second.
        Assert.Equal(400, (await api.SubmitAsync(next, $"{year}", "{}")).Status);
        Assert.Equal(201, (await api.SubmitAsync(earlier, $"{year}", body.ToJsonString())).Status);
        lock (spans) spans.Clear();

        Activity.Current = null;
        Assert.Equal(201, (await api.SubmitAsync(next, $"{year}", body.ToJsonString())).Status);

        Activity[] snapshot;
        lock (spans) snapshot = [.. spans];
        var submission = Assert.Single(snapshot, s => s.DisplayName == "HTTP POST"
            && (string?)s.GetTagItem("url.path") == $"/api/agencies/{next}/assessments/{year}");
        var trace = snapshot.Where(s => s.TraceId == submission.TraceId).ToList();
        return trace
            .Where(s => IsUnder(s, submission, trace))
            .Where(s => s.Source.Name == "Azure.Cosmos.Operation" || s.Source.Name.StartsWith("Azure.Storage.Blobs", StringComparison.Ordinal))
            .Select(s => s.DisplayName)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsUnder(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        for (var current = span; current is not null; current = trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId) return true;
        }
        return false;
    }
}
