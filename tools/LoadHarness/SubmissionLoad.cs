using System.Diagnostics;
using System.Text;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Functions.Auth;
using CulturalServerless.Functions.Http.Assessments;
using CulturalServerless.Storage.Blobs;
using CulturalServerless.Storage.Cosmos;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;

namespace CulturalServerless.LoadHarness;

/// <summary>
/// Sustained submissions per second through the submit function class (authentication, JSON
/// reading, validation, scoring, the version write, the report-request blob, the head), next to
/// the emulator's own rate of plain upserts of a document the size of a stored version and the
/// rate of one create plus the report-request blob, measured in the same run with the same
/// concurrency (docs/performance.md).
/// </summary>
internal static class SubmissionLoad
{
    public static async Task<string> MeasureAsync(IServiceProvider provider, AuthOptions auth, string runId, int count, int concurrency, int warmup, bool keep)
    {
        // Agency ids of this run's own, so that no report request is already there from an earlier
        // run against the same Azurite (its create would conflict: another, costlier path); the
        // run's report requests are deleted at the end, so Azurite does not fill up run after run.
        try
        {
            return await MeasureRunAsync(provider, auth, runId, count, concurrency, warmup);
        }
        finally
        {
            if (!keep)
            {
                await DeleteReportRequestsAsync(provider, runId);
            }
        }
    }

    private static async Task DeleteReportRequestsAsync(IServiceProvider provider, string runId)
    {
        var container = provider.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>().GetBlobContainerClient(BlobContainers.ReportRequests);
        foreach (var prefix in new[] { "warm-", "load-", "floor-" })
        {
            var names = new List<string>();
            await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{prefix}{runId}-", CancellationToken.None))
            {
                names.Add(blob.Name);
            }
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (name, ct) =>
                await container.DeleteBlobIfExistsAsync(name, cancellationToken: ct));
        }
    }

    private static async Task<string> MeasureRunAsync(IServiceProvider provider, AuthOptions auth, string runId, int count, int concurrency, int warmup)
    {
        var admin = new Caller("load-harness", "load-harness", new HashSet<string> { Roles.Admin }, AccessScope.None);
        var agencies = provider.GetRequiredService<AgencyService>();
        var warmupIds = Enumerable.Range(0, warmup).Select(i => $"warm-{runId}-{i:D5}").ToList();
        var ids = Enumerable.Range(0, count).Select(i => $"load-{runId}-{i:D5}").ToList();
        await Parallel.ForEachAsync(warmupIds.Concat(ids), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, ct) =>
            await agencies.RegisterAsync(admin, id, new AgencyRegistration
            {
                Name = "Văn phòng " + id, ParentBody = "UBND TỈNH QUẢNG NGÃI", Symbol = "VP", Jurisdiction = "51",
                PlaceName = "Quảng Ngãi", Signer = new AgencySigner("CHÁNH VĂN PHÒNG", "Người Ký"),
            }, null, ct));
        await provider.GetRequiredService<IApiClientStore>().UpsertAsync(new ApiClient
        {
            Id = ApiClient.DocumentId("load-portal"), ClientId = "load-portal", Name = "Load harness portal",
            Roles = [Roles.Submitter], Jurisdiction = "51", AgencyIds = [], UpdatedAt = DateTimeOffset.UtcNow,
            UpdatedBy = new Actor("load-harness"),
        }, CancellationToken.None);
        var token = DevelopmentIssuer.IssueToken(DevelopmentIssuer.LoadKey(auth.DevelopmentIssuerKeyPath!), auth.TokenAudience,
            "load-harness", "load-portal", [Roles.Submitter], DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        var body = Encoding.UTF8.GetBytes(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "assessment-2022.json")));
        var functions = ActivatorUtilities.CreateInstance<AssessmentFunctions>(provider);

        var failures = 0;
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        async Task SubmitAllAsync(IEnumerable<string> agencyIds) =>
            await Parallel.ForEachAsync(agencyIds, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            var context = new DefaultHttpContext { RequestServices = provider };
            context.Request.Method = "POST";
            context.Request.Path = $"/api/agencies/{id}/assessments/2022";
            context.Request.ContentType = "application/json";
            context.Request.Headers.Authorization = "Bearer " + token;
            context.Request.Headers["Idempotency-Key"] = Guid.NewGuid().ToString();
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
            var result = await functions.Submit(context.Request, id, "2022", ct);
            if (result is not JsonResult { StatusCode: StatusCodes.Status201Created }) Interlocked.Increment(ref failures);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });

        // Untimed first: the JIT's tiered compilation needs a few seconds of load before the code
        // is what a host that has been running a while executes.
        await SubmitAllAsync(warmupIds);
        latencies.Clear();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var pausedBefore = GC.GetTotalPauseDuration();
        var submissions = Stopwatch.StartNew();
        await SubmitAllAsync(ids);
        submissions.Stop();
        var allocatedPerSubmission = (GC.GetTotalAllocatedBytes() - allocatedBefore) / (double)count;
        var pausedShare = (GC.GetTotalPauseDuration() - pausedBefore) / submissions.Elapsed;

        // The emulator's raw rate for a document of the same size, as the baseline.
        var version = (await provider.GetRequiredService<IAssessmentStore>().FindVersionAsync(ids[0], 2022, 1, CancellationToken.None))!.Value;
        var container = provider.GetRequiredService<Database>().GetContainer(CosmosContainers.Assessments.Name);
        var upserts = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var copy = version with { Id = $"raw-{i}", PartitionKey = $"raw|{i}", IdempotencyKey = $"raw-{i}" };
            await container.UpsertItemAsync(copy, new PartitionKey(copy.PartitionKey), new ItemRequestOptions { EnableContentResponseOnWrite = false }, ct);
        });
        upserts.Stop();

        // The least storage any design of a submission needs: the version written once and the
        // report request the renderer is triggered by. No reads, no head, no request work.
        var requests = provider.GetRequiredService<IReportRequestStore>();
        var agency = (await provider.GetRequiredService<IAgencyStore>().FindAsync(ids[0], CancellationToken.None))!.Value;
        var floor = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var copy = version with { Id = $"floor-{i}", PartitionKey = $"floor|{i}", IdempotencyKey = $"floor-{i}" };
            await container.CreateItemAsync(copy, new PartitionKey(copy.PartitionKey), new ItemRequestOptions { EnableContentResponseOnWrite = false }, ct);
            await requests.EnsureWrittenAsync(new ReportRequest
            {
                Agency = agency with { Id = $"floor-{runId}-{i}" }, Year = version.Year, Version = version.Version,
                Submission = version.Submission, Score = version.Score, SubmittedAt = version.SubmittedAt, Issue = version.Issue,
            }, ct);
        });
        floor.Stop();

        var submitRate = count / submissions.Elapsed.TotalSeconds;
        var upsertRate = count / upserts.Elapsed.TotalSeconds;
        var floorRate = count / floor.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        return $"Submissions: {count} through the function class in {submissions.Elapsed.TotalSeconds:F1} s = {submitRate:F0}/s "
            + $"({failures} not 201, after {warmup} untimed), concurrency {concurrency}, latency p50 {Percentile(sorted, 0.50):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, {allocatedPerSubmission / 1024:F0} KB allocated per submission, GC pauses {100 * pausedShare:F1}% of the time; "
            + $"raw upserts of a stored version ({Encoding.UTF8.GetByteCount(System.Text.Json.JsonSerializer.Serialize(version, CulturalServerless.Serialization.JsonDefaults.Options)) / 1024} KB): "
            + $"{upsertRate:F0}/s; one create + the report-request blob, nothing else (the floor): {floorRate:F0}/s. "
            + $"Submissions reach {100 * submitRate / floorRate:F0}% of the floor ({100 * submitRate / upsertRate:F0}% of the raw upserts)";
    }

    /// <summary>The value below which <paramref name="share"/> of the sorted samples lie (nearest rank).</summary>
    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
}
