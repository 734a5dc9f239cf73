using Azure;
using Azure.Storage.Blobs;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Decisions;
using CulturalServerless.Application.Reports;
using CulturalServerless.Functions.Http.Decisions;
using CulturalServerless.Functions.Triggers;
using ApiClient = CulturalServerless.IntegrationTests.Api.ApiClient;

namespace CulturalServerless.IntegrationTests.Appraisals;

/// <summary>
/// A decision whose render request was lost (the process stopped after storing the decision, or
/// the trigger never fired) is requested again by the reconciler once it has been requested
/// longer than <c>Reports__StuckAfter</c>, and then signed; one requested recently, or ready, is left alone.
/// </summary>
public sealed class DecisionReconcilerTests
{
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(5);

    private sealed class Harness : IAsyncDisposable
    {
        public SetClock Clock { get; } = new(DateTimeOffset.UtcNow);
        public AppServices App { get; }
        private readonly ApiClient api;
        private readonly AppraisalCalls calls;

        private Harness()
        {
            App = AppServices.With(new Dictionary<string, string?> { ["Reports:StuckAfter"] = StuckAfter.ToString() },
                services => services.AddSingleton<TimeProvider>(Clock));
            api = new ApiClient(App);
            calls = new AppraisalCalls(App, api);
        }

        public static async Task<Harness> StartAsync()
        {
            var harness = new Harness();
            await harness.App.InitializeAsync();
            return harness;
        }

        /// <summary>A decision recognising one newly appraised agency, as the API stored it: its id.</summary>
        public async Task<string> DecideAsync()
        {
            var agencyId = await calls.AppraisedForDecisionAsync("51.522");
            var body = new JsonObject
            {
                ["jurisdiction"] = "51", ["year"] = 2024, ["signerName"] = "Nguyễn Văn Chủ Tịch", ["agencyIds"] = new JsonArray(agencyId),
            };
            var request = App.Request(await calls.TokenAsync(Roles.Decider, "51"), "POST", "/api/decisions", body.ToJsonString(),
                headers: new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() });
            var functions = new DecisionFunctions(App.Get<DecisionService>(), App.Get<RecognitionHistoryService>(), NullLogger<DecisionFunctions>.Instance);
            var created = await HttpCalls.ExecuteAsync(request, functions.Create(request, CancellationToken.None));
            Assert.True(created.Status == 202, created.Body?.ToJsonString());
            return (string)created.Json["id"]!;
        }

        public BlobClient Request(string id) =>
            App.Get<BlobServiceClient>().GetBlobContainerClient(BlobContainers.ReportRequests).GetBlobClient(DecisionKeys.RequestName(id));

        public async Task<ETag?> RequestETagAsync(string id)
        {
            try
            {
                return (await Request(id).GetPropertiesAsync()).Value.ETag;
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                return null;
            }
        }

        public async Task<RecognitionDecisionRecord> DecisionAsync(string id) =>
            (await App.Get<IDecisionStore>().FindAsync(id, CancellationToken.None))!.Value;

        public Task<DecisionReconcileSummary> ReconcileAsync() => App.Get<DecisionReconciler>().RunAsync(CancellationToken.None);

        public Task RenderAsync(string id) =>
            new RenderReportFunction(App.Get<ReportRenderingService>(), App.Get<DecisionRenderingService>())
                .Run(Request(id), DecisionKeys.RequestName(id), CancellationToken.None);

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }

    [Fact]
    public async Task A_decision_stored_without_its_render_request_is_requested_again_once_stuck_then_signed_and_left_alone()
    {
        await using var harness = await Harness.StartAsync();
        var id = await harness.DecideAsync();
        // What a process that stopped between storing the decision and writing its request leaves.
        await harness.Request(id).DeleteAsync();

        var early = await harness.ReconcileAsync();
        Assert.Equal(0, early.Due);
        Assert.Null(await harness.RequestETagAsync(id));

        harness.Clock.Now += StuckAfter + TimeSpan.FromSeconds(1);
        var stuck = await harness.ReconcileAsync();
        Assert.Equal(new DecisionReconcileSummary(Due: 1, Requested: 1, Skipped: 0, Errors: 0, Capped: false), stuck);
        Assert.NotNull(await harness.RequestETagAsync(id));
        var requested = await harness.DecisionAsync(id);
        Assert.Equal(ReportState.Requested, requested.Document.State);
        Assert.Equal(harness.Clock.Now, requested.Document.RequestedAt);

        // Just requested again: the next run waits another StuckAfter.
        Assert.Equal(0, (await harness.ReconcileAsync()).Due);

        await harness.RenderAsync(id);
        Assert.Equal(ReportState.Ready, (await harness.DecisionAsync(id)).Document.State);
        var written = await harness.RequestETagAsync(id);
        harness.Clock.Now += StuckAfter * 3;
        Assert.Equal(0, (await harness.ReconcileAsync()).Due);
        Assert.Equal(written, await harness.RequestETagAsync(id));
    }

    [Fact]
    public async Task A_request_whose_trigger_never_fired_is_written_again_and_two_runs_at_once_write_each_once()
    {
        await using var harness = await Harness.StartAsync();
        var ids = new[] { await harness.DecideAsync(), await harness.DecideAsync() };
        var written = new Dictionary<string, ETag?>();
        foreach (var id in ids) written[id] = await harness.RequestETagAsync(id);
        Assert.All(written.Values, e => Assert.NotNull(e));
        harness.Clock.Now += StuckAfter + TimeSpan.FromSeconds(1);

        var runs = await Task.WhenAll(harness.ReconcileAsync(), harness.ReconcileAsync());

        Assert.Equal(2, runs.Sum(r => r.Requested));
        Assert.Equal(0, runs.Sum(r => r.Errors));
        foreach (var id in ids)
        {
            Assert.NotEqual(written[id], await harness.RequestETagAsync(id));
            Assert.Equal(harness.Clock.Now, (await harness.DecisionAsync(id)).Document.RequestedAt);
        }
        foreach (var id in ids) await harness.RenderAsync(id);
        Assert.All(await Task.WhenAll(ids.Select(harness.DecisionAsync)), d => Assert.Equal(ReportState.Ready, d.Document.State));
    }
}
