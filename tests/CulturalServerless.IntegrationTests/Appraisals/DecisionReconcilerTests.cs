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
/// longer than <c>Reports__StuckAfter</c>, and then signed; one requested recently, or ready, is left
/// alone. One whose render failed is rendered again when an admin asks.
/// </summary>
public sealed class DecisionReconcilerTests
{
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(5);

    private sealed class Harness : IAsyncDisposable
    {
        public SetClock Clock { get; } = new(DateTimeOffset.UtcNow);

        /// <summary>While set, storing a signed decision fails, so its render fails.</summary>
        public bool StoreBroken { get; set; }
        public AppServices App { get; }
        private readonly ApiClient api;
        private readonly AppraisalCalls calls;

        private Harness()
        {
            App = AppServices.With(new Dictionary<string, string?> { ["Reports:StuckAfter"] = StuckAfter.ToString() }, services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<DecisionDocumentStore>();
                services.AddSingleton<IDecisionDocumentStore>(sp => new BreakableDocuments(sp.GetRequiredService<DecisionDocumentStore>(), this));
            });
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

        public async Task<ApiResponse> RetryAsync(string token, string id)
        {
            var request = App.Request(token, "POST", $"/api/decisions/{id}/document/retry");
            var function = new DecisionRetryFunction(App.Get<DecisionReconciler>(), NullLogger<DecisionRetryFunction>.Instance);
            return await HttpCalls.ExecuteAsync(request, function.Retry(request, id, CancellationToken.None));
        }

        public Task<string> DeciderTokenAsync() => calls.TokenAsync(Roles.Decider, "51");

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }

    private sealed class BreakableDocuments(IDecisionDocumentStore inner, Harness harness) : IDecisionDocumentStore
    {
        public Task EnsureRequestedAsync(string id, CancellationToken cancellationToken) => inner.EnsureRequestedAsync(id, cancellationToken);
        public Task RewriteRequestAsync(string id, CancellationToken cancellationToken) => inner.RewriteRequestAsync(id, cancellationToken);
        public Task<StoredReport?> FindAsync(string id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

        public Task<StoredReport> StoreAsync(
            string id, byte[] pdf, string sha256, string documentNumber, DateTimeOffset signedAt, string certificateThumbprint, CancellationToken cancellationToken) =>
            harness.StoreBroken
                ? throw new IOException("Injected: the decision store refuses the PDF")
                : inner.StoreAsync(id, pdf, sha256, documentNumber, signedAt, certificateThumbprint, cancellationToken);

        public Task<ReadLink> IssueReadLinkAsync(string id, TimeSpan lifetime, CancellationToken cancellationToken) => inner.IssueReadLinkAsync(id, lifetime, cancellationToken);
    }

    [Fact]
    public async Task A_decision_whose_render_failed_through_the_hosts_tries_is_signed_after_an_admin_retry_and_only_an_admin_may_ask()
    {
        await using var harness = await Harness.StartAsync();
        var id = await harness.DecideAsync();
        harness.StoreBroken = true;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Assert.ThrowsAsync<IOException>(() => harness.RenderAsync(id)); // the host's five tries, then the poison queue
        }
        var failed = await harness.DecisionAsync(id);
        Assert.Equal((ReportState.Failed, 5), (failed.Document.State, failed.Document.Attempts));
        // A failed decision is not the reconciler's: nothing would ever render it again.
        harness.Clock.Now += StuckAfter * 3;
        Assert.Equal(0, (await harness.ReconcileAsync()).Due);

        Assert.Equal(403, (await harness.RetryAsync(await harness.DeciderTokenAsync(), id)).Status);
        Assert.Equal(404, (await harness.RetryAsync(TestTokens.Admin, "no-such-decision")).Status);
        harness.StoreBroken = false; // the cause is fixed
        var written = await harness.RequestETagAsync(id);
        var retried = await harness.RetryAsync(TestTokens.Admin, id);

        Assert.Equal(202, retried.Status);
        Assert.Equal("requested", (string?)retried.Json["state"]);
        var requested = await harness.DecisionAsync(id);
        Assert.Equal((ReportState.Requested, 0, null, harness.Clock.Now), (requested.Document.State, requested.Document.Attempts, requested.Document.FailureReason, requested.Document.RequestedAt));
        Assert.NotEqual(written, await harness.RequestETagAsync(id)); // the request written again: the trigger fires
        await harness.RenderAsync(id);
        Assert.Equal(ReportState.Ready, (await harness.DecisionAsync(id)).Document.State);
        var again = await harness.RetryAsync(TestTokens.Admin, id);
        Assert.Equal(409, again.Status);
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
