using ETag = Azure.ETag;
using RequestFailedException = Azure.RequestFailedException;
using Azure.Storage.Blobs;
using CulturalServerless.Application.Concurrency;
using CulturalServerless.Application.Paging;
using CulturalServerless.Application.Reports;
using CulturalServerless.Functions.Http.Assessments;
using CulturalServerless.Functions.Triggers;
using Microsoft.Extensions.Time.Testing;

namespace CulturalServerless.IntegrationTests.Reports;

/// <summary>
/// The write path heals: a submission that crashes after any of its writes, a render that keeps
/// failing, a render without a head, an unreadable snapshot — the reconciler and the renderer, on
/// a fake clock against the emulators, leave every version with its head and its report.
/// </summary>
public sealed class ReconcilerTests
{
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Backoff = TimeSpan.FromMinutes(1);

    /// <summary>The app with a fake clock, a crash switch on the submission's writes and a breakable report store.</summary>
    private sealed class Harness : IAsyncDisposable
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
        public Faults Faults { get; } = new();
        public AppServices App { get; }
        public ApiClient Api { get; }

        private Harness(TimeProvider? clock = null)
        {
            App = AppServices.With(new Dictionary<string, string?>
            {
                ["Reports:StuckAfter"] = StuckAfter.ToString(),
                ["Reports:RetryBackoff"] = Backoff.ToString(),
                ["Reports:MaxRenderAttempts"] = "3",
            }, services =>
            {
                services.AddSingleton(clock ?? Clock);
                services.AddSingleton<AssessmentRepository>();
                services.AddSingleton<IAssessmentStore>(sp => new CrashingAssessmentStore(sp.GetRequiredService<AssessmentRepository>(), Faults));
                services.AddSingleton<ReportRequestStore>();
                services.AddSingleton<IReportRequestStore>(sp => new CrashingReportRequestStore(sp.GetRequiredService<ReportRequestStore>(), Faults));
                services.AddSingleton<ReportStore>();
                services.AddSingleton<IReportStore>(sp => new BreakableReportStore(sp.GetRequiredService<ReportStore>(), Faults));
            });
            Api = new ApiClient(App);
        }

        public static async Task<Harness> StartAsync(TimeProvider? clock = null)
        {
            var harness = new Harness(clock);
            await harness.App.InitializeAsync();
            return harness;
        }

        public IAssessmentStore Store => App.Get<IAssessmentStore>();

        public Task<ReconcileSummary> ReconcileAsync() => App.Get<ReportReconciler>().RunAsync(CancellationToken.None);

        public Task RenderAsync(string agencyId, int version = 1)
        {
            var name = AssessmentKeys.ReportRequestName(agencyId, 2022, version);
            return new RenderReportFunction(App.Get<ReportRenderingService>(), App.Get<CulturalServerless.Application.Decisions.DecisionRenderingService>()).Run(
                App.Get<BlobServiceClient>().GetBlobContainerClient(BlobContainers.ReportRequests).GetBlobClient(name), name, CancellationToken.None);
        }

        public BlobClient Snapshot(string agencyId, int version = 1) =>
            App.Get<BlobServiceClient>().GetBlobContainerClient(BlobContainers.ReportRequests)
                .GetBlobClient(AssessmentKeys.ReportRequestName(agencyId, 2022, version));

        public async Task<ETag?> SnapshotETagAsync(string agencyId)
        {
            try
            {
                return (await Snapshot(agencyId).GetPropertiesAsync()).Value.ETag;
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                return null;
            }
        }

        public async Task<AssessmentVersion> VersionAsync(string agencyId, int version = 1) =>
            (await Store.FindVersionAsync(agencyId, 2022, version, CancellationToken.None))!.Value;

        public async Task<AssessmentHead?> HeadAsync(string agencyId) =>
            (await Store.FindHeadAsync(agencyId, 2022, CancellationToken.None))?.Value;

        public async Task<ApiResponse> RetryAsync(string token, string agencyId, string version = "1")
        {
            var request = App.Request(token, "POST", $"/api/agencies/{agencyId}/assessments/2022/versions/{version}/report/retry");
            var function = new ReportRetryFunction(App.Get<ReportReconciler>(), NullLogger<ReportRetryFunction>.Instance);
            return await HttpCalls.ExecuteAsync(request, function.Retry(request, agencyId, "2022", version, CancellationToken.None));
        }

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }

    /// <summary>What the seams do: crash once after a write step, or fail every report store.</summary>
    private sealed class Faults
    {
        /// <summary>
        /// 1: after the version is written (a first version with its head, in one batch); 2: after
        /// the head is written (a later version's); 3: after the snapshot is written. Fires once.
        /// </summary>
        public int? CrashAfterStep { get; set; }
        public bool StoreBroken { get; set; }
        public bool StoreUnreachable { get; set; }

        public void After(int step)
        {
            if (CrashAfterStep != step) return;
            CrashAfterStep = null;
            throw new InvalidOperationException($"Injected crash after step {step}");
        }
    }

    private sealed class CrashingAssessmentStore(IAssessmentStore inner, Faults faults) : IAssessmentStore
    {
        public Task<Stored<AssessmentHead>?> FindHeadAsync(string agencyId, int year, CancellationToken cancellationToken) => inner.FindHeadAsync(agencyId, year, cancellationToken);
        public Task<Stored<AssessmentVersion>?> FindVersionAsync(string agencyId, int year, int version, CancellationToken cancellationToken) => inner.FindVersionAsync(agencyId, year, version, cancellationToken);
        public Task<AssessmentVersion?> FindVersionByIdempotencyKeyAsync(string agencyId, int year, string key, CancellationToken cancellationToken) => inner.FindVersionByIdempotencyKeyAsync(agencyId, year, key, cancellationToken);
        public Task<AssessmentVersion?> FindVersionByReportSha256Async(string sha256, CancellationToken cancellationToken) => inner.FindVersionByReportSha256Async(sha256, cancellationToken);

        public async Task<bool> TryCreateVersionAsync(AssessmentVersion version, CancellationToken cancellationToken)
        {
            var created = await inner.TryCreateVersionAsync(version, cancellationToken);
            if (created) faults.After(1);
            return created;
        }

        public async Task<FirstVersionWrite> TryCreateFirstAsync(
            AssessmentVersion version, AssessmentHead head, bool opensRegister, CancellationToken cancellationToken)
        {
            var write = await inner.TryCreateFirstAsync(version, head, opensRegister, cancellationToken);
            if (write.Created) faults.After(1);
            return write;
        }

        public async Task<string?> TryCreateHeadAsync(AssessmentHead head, CancellationToken cancellationToken)
        {
            var eTag = await inner.TryCreateHeadAsync(head, cancellationToken);
            if (eTag is not null) faults.After(2);
            return eTag;
        }

        public async Task<string?> TryReplaceHeadAsync(AssessmentHead head, string eTag, CancellationToken cancellationToken)
        {
            var replaced = await inner.TryReplaceHeadAsync(head, eTag, cancellationToken);
            if (replaced is not null) faults.After(2);
            return replaced;
        }

        public Task<bool> TryReplaceVersionAsync(AssessmentVersion version, string eTag, CancellationToken cancellationToken) => inner.TryReplaceVersionAsync(version, eTag, cancellationToken);
        public Task<Page<VersionKey>> FindReportsDueAsync(DateTimeOffset requestedBefore, DateTimeOffset now, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
            inner.FindReportsDueAsync(requestedBefore, now, continuationToken, pageSize, cancellationToken);
        public Task<Page<VersionKey>> FindHeadsAwaitingReportAsync(DateTimeOffset unchangedSince, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
            inner.FindHeadsAwaitingReportAsync(unchangedSince, continuationToken, pageSize, cancellationToken);
        public Task<Page<AssessmentHead>> ListAsync(AssessmentFilter filter, string? continuationToken, int pageSize, CancellationToken cancellationToken) => inner.ListAsync(filter, continuationToken, pageSize, cancellationToken);
        public Task<IReadOnlyDictionary<string, AssessmentStatus>> FindStatusesAsync(int year, IReadOnlyCollection<string> agencyIds, CancellationToken cancellationToken) => inner.FindStatusesAsync(year, agencyIds, cancellationToken);

        public Task<AppraisalCounts> CountAppraisalsAsync(int year, string jurisdiction, CancellationToken cancellationToken) => inner.CountAppraisalsAsync(year, jurisdiction, cancellationToken);

        public Task<IReadOnlyList<HeadPlace>> FindHeadPlacesAsync(string agencyId, CancellationToken cancellationToken) => inner.FindHeadPlacesAsync(agencyId, cancellationToken);

        public Task<IReadOnlyList<AssessmentHead>> ListHeadsOfAgencyAsync(string agencyId, CancellationToken cancellationToken) => inner.ListHeadsOfAgencyAsync(agencyId, cancellationToken);
    }

    private sealed class CrashingReportRequestStore(IReportRequestStore inner, Faults faults) : IReportRequestStore
    {
        public string PathOf(string agencyId, int year, int version) => inner.PathOf(agencyId, year, version);

        public async Task<string> EnsureWrittenAsync(ReportRequest request, CancellationToken cancellationToken)
        {
            var path = await inner.EnsureWrittenAsync(request, cancellationToken);
            faults.After(3);
            return path;
        }

        public Task<string> RewriteAsync(ReportRequest request, CancellationToken cancellationToken) => inner.RewriteAsync(request, cancellationToken);
        public Task<ReportRequest> ReadAsync(string name, CancellationToken cancellationToken) => inner.ReadAsync(name, cancellationToken);
        public Task<ReportRequest?> TryReadAsync(string name, CancellationToken cancellationToken) => inner.TryReadAsync(name, cancellationToken);
    }

    private sealed class BreakableReportStore(IReportStore inner, Faults faults) : IReportStore
    {
        public Task<StoredReport?> FindAsync(string agencyId, int year, int version, CancellationToken cancellationToken) => inner.FindAsync(agencyId, year, version, cancellationToken);

        public Task<StoredReport> StoreAsync(
            string agencyId, int year, int version, byte[] pdf, string sha256, string documentNumber, DateTimeOffset signedAt,
            string certificateThumbprint, IDictionary<string, string> extraMetadata, CancellationToken cancellationToken) =>
            faults.StoreBroken ? throw new IOException("Injected: the report store refuses the PDF")
            : faults.StoreUnreachable ? throw new HttpRequestException("Injected: the report store does not answer")
            : inner.StoreAsync(agencyId, year, version, pdf, sha256, documentNumber, signedAt, certificateThumbprint, extraMetadata, cancellationToken);

        public Task<ReadLink> IssueReadLinkAsync(string agencyId, int year, int version, TimeSpan lifetime, CancellationToken cancellationToken) =>
            inner.IssueReadLinkAsync(agencyId, year, version, lifetime, cancellationToken);
    }

    private static async Task AssertHealedAsync(Harness harness, string agencyId, int failures = 0)
    {
        var head = (await harness.HeadAsync(agencyId))!;
        Assert.Equal(1, head.LatestVersion);
        Assert.Equal(AssessmentStatus.ReportReady, head.Status);
        Assert.Equal(ReportState.Ready, head.Report.State);
        var version = await harness.VersionAsync(agencyId);
        Assert.Equal(ReportState.Ready, version.Report.State);
        Assert.Equal("01/BC-VP", version.Report.DocumentNumber);
        Assert.Equal(version.Report, head.Report);
        var actions = head.History.Where(e => e.Version == 1).Select(e => e.Action).ToList();
        Assert.Equal(["submitted", "scored", "report-requested", .. Enumerable.Repeat("report-failed", failures), "report-ready"], actions);
        var latest = await harness.Api.GetLatestAsync(agencyId);
        Assert.Equal("report-ready", (string?)latest.Json["status"]);
        Assert.Equal("01/BC-VP", (string?)latest.Json["report"]!["documentNumber"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_submission_that_crashes_after_write_step_k_gets_no_2xx_and_the_reconciler_finishes_it(int step)
    {
        await using var harness = await Harness.StartAsync();
        var agencyId = await harness.Api.RegisterAgencyAsync();
        harness.Faults.CrashAfterStep = step;

        var response = await harness.Api.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"));
        Assert.False(response.Status is >= 200 and < 300, $"step {step}: {response.Status}");
        Assert.Null(harness.Faults.CrashAfterStep); // the crash did happen
        // The first version and its head are written together: there is never one without the other.
        Assert.NotNull(await harness.HeadAsync(agencyId));
        Assert.Equal(step >= 3, await harness.SnapshotETagAsync(agencyId) is not null);

        // Before StuckAfter the reconciler leaves it alone (the blob trigger may still be on its way).
        Assert.Equal(0, (await harness.ReconcileAsync()).Requested);
        harness.Clock.Advance(StuckAfter + TimeSpan.FromSeconds(1));
        var summary = await harness.ReconcileAsync();
        Assert.Equal(1, summary.Requested);
        Assert.NotNull(await harness.SnapshotETagAsync(agencyId));
        Assert.Equal(1, (await harness.HeadAsync(agencyId))!.LatestVersion);
        await harness.RenderAsync(agencyId);

        await AssertHealedAsync(harness, agencyId);
        // Done: nothing is due any more, and running again changes nothing.
        harness.Clock.Advance(StuckAfter * 2);
        var again = await harness.ReconcileAsync();
        Assert.Equal((0, 0), (again.Requested, again.HeadsFixed));
        Assert.Null(await harness.Store.FindVersionAsync(agencyId, 2022, 2, CancellationToken.None));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_superseding_submission_that_crashes_after_write_step_k_gets_no_2xx_and_the_reconciler_finishes_it(int step)
    {
        await using var harness = await Harness.StartAsync();
        var agencyId = await harness.Api.RegisterAgencyAsync();
        Assert.Equal(201, (await harness.Api.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"))).Status);
        await harness.RenderAsync(agencyId);
        harness.Faults.CrashAfterStep = step;

        var response = await harness.Api.ResubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"));
        Assert.False(response.Status is >= 200 and < 300, $"step {step}: {response.Status}");
        Assert.Null(harness.Faults.CrashAfterStep); // the crash did happen
        Assert.Equal(step >= 2 ? 2 : 1, (await harness.HeadAsync(agencyId))!.LatestVersion);
        Assert.False(await harness.Snapshot(agencyId, 2).ExistsAsync());

        Assert.Equal(0, (await harness.ReconcileAsync()).Requested);
        harness.Clock.Advance(StuckAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await harness.ReconcileAsync()).Requested);
        Assert.True(await harness.Snapshot(agencyId, 2).ExistsAsync());
        await harness.RenderAsync(agencyId, 2);

        var head = (await harness.HeadAsync(agencyId))!;
        Assert.Equal((2, AssessmentStatus.ReportReady), (head.LatestVersion, head.Status));
        var version = await harness.VersionAsync(agencyId, 2);
        Assert.Equal((ReportState.Ready, "02/BC-VP"), (version.Report.State, version.Report.DocumentNumber));
        Assert.Equal(version.Report, head.Report);
        Assert.Single(head.History, e => e.Version == 1 && e.Action == "superseded");
    }

    [Fact]
    public async Task A_submission_that_got_201_but_whose_render_never_ran_is_rendered_after_the_reconciler_requests_it_again()
    {
        await using var harness = await Harness.StartAsync();
        var agencyId = await harness.Api.RegisterAgencyAsync();
        Assert.Equal(201, (await harness.Api.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"))).Status);
        var written = await harness.SnapshotETagAsync(agencyId);

        // The blob trigger's event is lost: nobody renders.
        harness.Clock.Advance(StuckAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await harness.ReconcileAsync()).Requested);
        Assert.NotEqual(written, await harness.SnapshotETagAsync(agencyId)); // a new blob version: the trigger fires again
        await harness.RenderAsync(agencyId);

        await AssertHealedAsync(harness, agencyId);
    }

    [Fact]
    public async Task A_second_reconciler_run_does_not_request_again_what_the_first_just_requested()
    {
        await using var harness = await Harness.StartAsync();
        var agencyId = await harness.Api.RegisterAgencyAsync();
        Assert.Equal(201, (await harness.Api.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"))).Status);
        harness.Clock.Advance(StuckAfter + TimeSpan.FromSeconds(1));

        // Sequential here (a lost If-Match race pauses on the fake clock), the second run reads what the first claimed.
        var first = await harness.ReconcileAsync();
        var second = await harness.ReconcileAsync();

        Assert.Equal(1, first.Requested + second.Requested);
        var version = await harness.VersionAsync(agencyId);
        Assert.Equal(ReportState.Requested, version.Report.State);
        Assert.Equal(harness.Clock.GetUtcNow(), version.Report.RequestedAt);
    }

    [Fact]
    public async Task Two_reconcilers_running_at_once_request_each_stuck_report_once()
    {
        var clock = new SetClock(DateTimeOffset.UtcNow);
        await using var harness = await Harness.StartAsync(clock);
        var agencyIds = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var agencyId = await harness.Api.RegisterAgencyAsync();
            Assert.Equal(201, (await harness.Api.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"))).Status);
            agencyIds.Add(agencyId);
        }
        var written = new Dictionary<string, ETag?>();
        foreach (var agencyId in agencyIds) written[agencyId] = await harness.SnapshotETagAsync(agencyId);
        clock.Now += StuckAfter + TimeSpan.FromSeconds(1);

        var runs = await Task.WhenAll(harness.ReconcileAsync(), harness.ReconcileAsync());

        Assert.Equal(4, runs.Sum(r => r.Requested));
        Assert.Equal(0, runs.Sum(r => r.Errors));
        foreach (var agencyId in agencyIds)
        {
            Assert.NotEqual(written[agencyId], await harness.SnapshotETagAsync(agencyId));
            var version = await harness.VersionAsync(agencyId);
            Assert.Equal(ReportState.Requested, version.Report.State);
            Assert.Equal(clock.Now, version.Report.RequestedAt);
        }
    }


    [Fact]
    public async Task A_failing_render_is_retried_with_back_off_up_to_the_limit_then_failed_for_good_and_the_admin_retry_renders_it()
    {
        await using var harness = await Harness.StartAsync();
        var agencyId = await harness.Api.RegisterAgencyAsync();
        Assert.Equal(201, (await harness.Api.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"))).Status);
        harness.Faults.StoreBroken = true;

        // Attempt 1 fails: recorded, retry in 1 minute; the trigger returns normally.
        await harness.RenderAsync(agencyId);
        var report = (await harness.VersionAsync(agencyId)).Report;
        Assert.Equal((ReportState.Failed, 1), (report.State, report.Attempts));
        Assert.Equal(harness.Clock.GetUtcNow() + Backoff, report.RetryAt);
        Assert.Contains("sẽ thử lại", report.FailureReason);
        Assert.Equal(AssessmentStatus.ReportFailed, (await harness.HeadAsync(agencyId))!.Status);

        foreach (var (pause, attempt) in new[] { (Backoff, 2), (Backoff * 2, 3) })
        {
            // Less than the back-off: not retried.
            harness.Clock.Advance(pause - TimeSpan.FromSeconds(5));
            var etag = await harness.SnapshotETagAsync(agencyId);
            Assert.Equal(0, (await harness.ReconcileAsync()).Requested);
            Assert.Equal(etag, await harness.SnapshotETagAsync(agencyId));
            // Past it: requested again (a new snapshot version), and the render fails again.
            harness.Clock.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal(1, (await harness.ReconcileAsync()).Requested);
            Assert.NotEqual(etag, await harness.SnapshotETagAsync(agencyId));
            Assert.Equal(ReportState.Requested, (await harness.VersionAsync(agencyId)).Report.State);
            await harness.RenderAsync(agencyId);
            report = (await harness.VersionAsync(agencyId)).Report;
            Assert.Equal((ReportState.Failed, attempt), (report.State, report.Attempts));
        }

        // The limit (3 here): failed for good, no retry promised, nothing due however long one waits.
        Assert.Null(report.RetryAt);
        Assert.DoesNotContain("sẽ thử lại", report.FailureReason);
        Assert.Contains("sau 3 lần thử; quản trị viên có thể cho tạo lại", report.FailureReason);
        var head = (await harness.HeadAsync(agencyId))!;
        Assert.Equal(AssessmentStatus.ReportFailed, head.Status);
        Assert.Equal(report, head.Report);
        harness.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, (await harness.ReconcileAsync()).Requested);

        // Only an admin may ask for it again.
        Assert.Equal(403, (await harness.RetryAsync(await harness.Api.PortalTokenAsync(agencyId), agencyId)).Status);
        Assert.Equal(404, (await harness.RetryAsync(TestTokens.Admin, agencyId, "7")).Status);
        Assert.Equal(404, (await harness.RetryAsync(TestTokens.Admin, "vp-no-such-agency")).Status);
        harness.Faults.StoreBroken = false;
        var retry = await harness.RetryAsync(TestTokens.Admin, agencyId);
        Assert.Equal(202, retry.Status);
        Assert.Equal("requested", (string?)retry.Json["state"]);
        Assert.Equal(0, (int?)retry.Json["attempts"]);
        head = (await harness.HeadAsync(agencyId))!;
        Assert.Equal(AssessmentStatus.Scored, head.Status);
        Assert.Contains(head.History, e => e.Action == "report-retry-requested" && e.Actor.Subject == "user-of-" + TestTokens.AdminClientId);

        await harness.RenderAsync(agencyId);
        head = (await harness.HeadAsync(agencyId))!;
        Assert.Equal(AssessmentStatus.ReportReady, head.Status);
        Assert.Equal(ReportState.Ready, (await harness.VersionAsync(agencyId)).Report.State);
        Assert.Equal(409, (await harness.RetryAsync(TestTokens.Admin, agencyId)).Status);
    }

    [Fact]
    public async Task A_dependency_outage_spends_no_attempt_and_the_report_renders_on_its_own_once_it_is_back()
    {
        await using var harness = await Harness.StartAsync();
        var agencyId = await harness.Api.RegisterAgencyAsync();
        Assert.Equal(201, (await harness.Api.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"))).Status);
        harness.Faults.StoreUnreachable = true;
        var longest = Backoff * 2; // the longest back-off: after render 2 of 3 (MaxRenderAttempts is 3 here)

        // Longer than every attempt put together: still retried, never failed for good.
        for (var render = 0; render < 5; render++)
        {
            await harness.RenderAsync(agencyId);
            var report = (await harness.VersionAsync(agencyId)).Report;
            Assert.Equal((ReportState.Failed, 0), (report.State, report.Attempts));
            Assert.Equal(harness.Clock.GetUtcNow() + longest, report.RetryAt);
            Assert.Contains("tạm thời không khả dụng; hệ thống sẽ tự thử lại", report.FailureReason);
            harness.Clock.Advance(longest + TimeSpan.FromSeconds(1));
            Assert.Equal(1, (await harness.ReconcileAsync()).Requested);
        }

        harness.Faults.StoreUnreachable = false;
        await harness.RenderAsync(agencyId);
        await AssertHealedAsync(harness, agencyId, failures: 1); // one entry for the outage, not one per retry
    }

    [Fact]
    public async Task The_renderer_with_no_head_records_on_the_version_and_does_not_throw()
    {
        await using var harness = await Harness.StartAsync();
        var agencyId = await harness.Api.RegisterAgencyAsync();
        harness.Faults.CrashAfterStep = 1;
        var key = Guid.NewGuid().ToString();
        Assert.Equal(500, (await harness.Api.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"), idempotencyKey: key)).Status);
        // A version without its head: what a submission made before the first version and its head
        // were written together could leave behind.
        await harness.App.Get<Microsoft.Azure.Cosmos.Database>().GetContainer(CosmosContainers.Assessments.Name)
            .DeleteItemAsync<object>(AssessmentKeys.HeadId(agencyId, 2022), new Microsoft.Azure.Cosmos.PartitionKey(AssessmentKeys.PartitionKey(agencyId, 2022)));
        var version = await harness.VersionAsync(agencyId);
        var agency = (await harness.App.Get<CulturalServerless.Application.Agencies.IAgencyStore>().FindAsync(agencyId, CancellationToken.None))!.Value;
        await harness.App.Get<IReportRequestStore>().EnsureWrittenAsync(ReportRequest.Of(agency, version), CancellationToken.None);

        await harness.RenderAsync(agencyId);

        Assert.Null(await harness.HeadAsync(agencyId));
        Assert.Equal(ReportState.Ready, (await harness.VersionAsync(agencyId)).Report.State);
        // The client's retry writes the head from the version, its report included.
        Assert.Equal(200, (await harness.Api.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"), idempotencyKey: key)).Status);
        await AssertHealedAsync(harness, agencyId);
    }

    [Fact]
    public async Task An_unreadable_snapshot_records_a_failure_on_its_version_and_the_reconciler_writes_it_again_from_the_version()
    {
        await using var harness = await Harness.StartAsync();
        var agencyId = await harness.Api.RegisterAgencyAsync();
        Assert.Equal(201, (await harness.Api.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"))).Status);
        await harness.Snapshot(agencyId).UploadAsync(BinaryData.FromString("{ not json"), overwrite: true);

        await harness.RenderAsync(agencyId); // does not throw: recorded

        var report = (await harness.VersionAsync(agencyId)).Report;
        Assert.Equal((ReportState.Failed, 1), (report.State, report.Attempts));
        Assert.Contains("Không đọc được yêu cầu tạo báo cáo", report.FailureReason);
        Assert.Equal(AssessmentStatus.ReportFailed, (await harness.HeadAsync(agencyId))!.Status);

        harness.Clock.Advance(Backoff + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await harness.ReconcileAsync()).Requested);
        await harness.RenderAsync(agencyId);
        Assert.Equal(ReportState.Ready, (await harness.VersionAsync(agencyId)).Report.State);
        Assert.Equal(AssessmentStatus.ReportReady, (await harness.HeadAsync(agencyId))!.Status);
    }

    [Fact]
    public async Task An_unreadable_snapshot_of_no_stored_version_throws_so_the_host_poisons_it()
    {
        await using var harness = await Harness.StartAsync();
        var agencyId = "vp-" + Guid.NewGuid().ToString("N")[..10];
        await harness.Snapshot(agencyId).UploadAsync(BinaryData.FromString("{ not json"), overwrite: true);

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.RenderAsync(agencyId));
    }

    [Fact]
    public async Task A_head_whose_report_lags_its_versions_is_brought_in_step()
    {
        await using var harness = await Harness.StartAsync();
        var agencyId = await harness.Api.RegisterAgencyAsync();
        Assert.Equal(201, (await harness.Api.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"))).Status);
        await harness.RenderAsync(agencyId);
        // The render landed on the version, the head's write was lost: put the head back as it was.
        var stored = (await harness.Store.FindHeadAsync(agencyId, 2022, CancellationToken.None))!;
        var version = await harness.VersionAsync(agencyId);
        var lagging = stored.Value with
        {
            Status = AssessmentStatus.Scored,
            Report = version.Report with { State = ReportState.Requested, BlobPath = null, Sha256 = null, Size = null, DocumentNumber = null, SignedAt = null, CertificateThumbprint = null },
            History = [.. stored.Value.History.Where(e => e.Action != "report-ready")],
        };
        Assert.NotNull(await harness.Store.TryReplaceHeadAsync(lagging, stored.ETag, CancellationToken.None));

        harness.Clock.Advance(StuckAfter + TimeSpan.FromSeconds(1));
        var summary = await harness.ReconcileAsync();

        Assert.Equal(1, summary.HeadsFixed);
        await AssertHealedAsync(harness, agencyId);
    }
}
