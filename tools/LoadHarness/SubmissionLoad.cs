using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Agencies;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Calendar;
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
    /// <summary>Warm-up ends once the JIT compiles for less than this share of a round's time.</summary>
    private const double QuietJitShare = 0.01;
    private const int MaxWarmupRounds = 12;

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
        async Task RegisterAsync(IEnumerable<string> agencyIds) =>
            await Parallel.ForEachAsync(agencyIds, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, ct) =>
                await agencies.RegisterAsync(admin, id, new AgencyRegistration
                {
                    Name = "Văn phòng " + id, ParentBody = "UBND TỈNH QUẢNG NGÃI", Symbol = "VP", Jurisdiction = "51",
                    PlaceName = "Quảng Ngãi", Signer = new AgencySigner("CHÁNH VĂN PHÒNG", "Người Ký"),
                }, null, ct));
        var ids = Enumerable.Range(0, count).Select(i => $"load-{runId}-{i:D5}").ToList();
        await RegisterAsync(ids);
        await provider.GetRequiredService<IApiClientStore>().UpsertAsync(new ApiClient
        {
            Id = ApiClient.DocumentId("load-portal"), ClientId = "load-portal", Name = "Load harness portal",
            Roles = [Roles.Submitter], Jurisdiction = "51", AgencyIds = [], UpdatedAt = DateTimeOffset.UtcNow,
            UpdatedBy = new Actor("load-harness"),
        }, CancellationToken.None);
        var token = DevelopmentIssuer.IssueToken(DevelopmentIssuer.LoadKey(auth.DevelopmentIssuerKeyPath!), auth.TokenAudience,
            "load-harness", "load-portal", [Roles.Submitter], DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        // The season's own year, as the clock has it (a submission before the year ends, the common
        // case): the seed's 2022 assessment under the rubric of that year.
        var year = VietnamCalendar.DateOf(provider.GetRequiredService<TimeProvider>().GetUtcNow()).Year;
        var seed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "assessment-2022.json")))!.AsObject();
        seed["year"] = year;
        seed["rubricId"] = "co-quan-2023";
        var body = Encoding.UTF8.GetBytes(seed.ToJsonString());
        var route = year.ToString(CultureInfo.InvariantCulture);
        var functions = ActivatorUtilities.CreateInstance<AssessmentFunctions>(provider);

        var failures = 0;
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        async Task SubmitAllAsync(IEnumerable<string> agencyIds) =>
            await Parallel.ForEachAsync(agencyIds, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            var context = new DefaultHttpContext { RequestServices = provider };
            context.Request.Method = "POST";
            context.Request.Path = $"/api/agencies/{id}/assessments/{route}";
            context.Request.ContentType = "application/json";
            context.Request.Headers.Authorization = "Bearer " + token;
            context.Request.Headers["Idempotency-Key"] = Guid.NewGuid().ToString();
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
            var result = await functions.Submit(context.Request, id, route, ct);
            if (result is not JsonResult { StatusCode: StatusCodes.Status201Created }) Interlocked.Increment(ref failures);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        });

        // The least storage any design of a submission needs: the version written once and the
        // report request the renderer is triggered by. No reads, no head, no request work.
        var container = provider.GetRequiredService<Database>().GetContainer(CosmosContainers.Assessments.Name);
        var requests = provider.GetRequiredService<IReportRequestStore>();
        AssessmentVersion? version = null;
        Agency? agency = null;
        async Task FloorAsync(string phase, int iterations) =>
            await Parallel.ForEachAsync(Enumerable.Range(0, iterations), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var copy = version! with { Id = $"floor-{phase}-{i}", PartitionKey = $"floor|{phase}|{i}", IdempotencyKey = $"floor-{phase}-{i}" };
            await container.CreateItemAsync(copy, new PartitionKey(copy.PartitionKey), new ItemRequestOptions { EnableContentResponseOnWrite = false }, ct);
            await requests.EnsureWrittenAsync(new ReportRequest
            {
                Agency = agency! with { Id = $"floor-{runId}-{phase}-{i}" }, Year = version.Year, Version = version.Version,
                Submission = version.Submission, Score = version.Score, SubmittedAt = version.SubmittedAt, Issue = version.Issue,
            }, ct);
        });

        // Untimed first, both paths, until the JIT is quiet: tiered compilation goes on re-compiling
        // the SDKs' and the app's hot methods for many seconds of load (on 2 cores, longer than 500
        // submissions take), and CPU spent compiling during a timed phase is charged to that phase,
        // not to the steady state of a host that has been running a while.
        var warmupRounds = 0;
        double lastWarmupJitShare;
        do
        {
            var warmupIds = Enumerable.Range(0, warmup).Select(i => $"warm-{runId}-{warmupRounds}-{i:D5}").ToList();
            await RegisterAsync(warmupIds);
            var round = await TimedAsync(async () =>
            {
                await SubmitAllAsync(warmupIds);
                if (version is null)
                {
                    version = (await provider.GetRequiredService<IAssessmentStore>().FindVersionAsync(warmupIds[0], year, 1, CancellationToken.None))!.Value;
                    agency = (await provider.GetRequiredService<IAgencyStore>().FindAsync(warmupIds[0], CancellationToken.None))!.Value;
                }
                await FloorAsync($"warm{warmupRounds}", warmup);
            });
            lastWarmupJitShare = round.Jit / round.Elapsed;
            warmupRounds++;
        }
        while (lastWarmupJitShare > QuietJitShare && warmupRounds < MaxWarmupRounds);

        // Timed: submissions and the floor by turns, so that both see the same machine.
        latencies.Clear();
        failures = 0;
        Phase submitting = default, flooring = default;
        // Rounds of the warm-up's size: a round lasts about a second, and the machine's speed moves
        // by tens of percent from one second to the next (the emulators' garbage collections), so a
        // figure to trust takes many rounds; the single rounds' ratios are printed as their spread.
        var roundRatios = new List<double>();
        foreach (var (chunk, round) in ids.Chunk(warmup).Select((chunk, round) => (chunk, round)))
        {
            // Which goes first alternates, so that neither always inherits the other's garbage to
            // collect or the emulators' backlog of work, nor always meets the machine a half-round
            // later as it drifts.
            var floorFirst = round % 2 == 1;
            var floored = floorFirst ? await TimedAsync(() => FloorAsync($"timed{round}", chunk.Length)) : default;
            var submitted = await TimedAsync(() => SubmitAllAsync(chunk));
            if (!floorFirst) floored = await TimedAsync(() => FloorAsync($"timed{round}", chunk.Length));
            submitting += submitted;
            flooring += floored;
            roundRatios.Add(floored.Elapsed / submitted.Elapsed);
        }

        // The emulator's raw rate for a document of the same size, as the baseline.
        var upserts = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            var copy = version! with { Id = $"raw-{i}", PartitionKey = $"raw|{i}", IdempotencyKey = $"raw-{i}" };
            await container.UpsertItemAsync(copy, new PartitionKey(copy.PartitionKey), new ItemRequestOptions { EnableContentResponseOnWrite = false }, ct);
        });
        upserts.Stop();

        var submitRate = count / submitting.Elapsed.TotalSeconds;
        var upsertRate = count / upserts.Elapsed.TotalSeconds;
        var floorRate = count / flooring.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        var ratios = roundRatios.Order().ToArray();
        return $"Submissions: {count} through the function class in {submitting.Elapsed.TotalSeconds:F1} s = {submitRate:F0}/s "
            + $"({failures} not 201), concurrency {concurrency}, latency p50 {Percentile(sorted, 0.50):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, "
            + $"{submitting.Allocated / (double)count / 1024:F0} KB allocated and {submitting.Cpu.TotalMilliseconds / count:F2} ms of this process's CPU per submission "
            + $"(the floor: {flooring.Allocated / (double)count / 1024:F0} KB, {flooring.Cpu.TotalMilliseconds / count:F2} ms), GC pauses {100 * (submitting.Paused / submitting.Elapsed):F1}% of the time; "
            + $"after {warmupRounds} untimed rounds of {warmup} submissions and {warmup} floor iterations (the JIT compiling for {100 * lastWarmupJitShare:F1}% of the last round's time), "
            + $"timed in {ratios.Length} rounds by turns with the floor (first one, then the other), the JIT compiling for {submitting.Jit.TotalMilliseconds:F0} ms of the submissions' time and {flooring.Jit.TotalMilliseconds:F0} ms of the floor's; "
            + $"raw upserts of a stored version ({Encoding.UTF8.GetByteCount(System.Text.Json.JsonSerializer.Serialize(version, CulturalServerless.Serialization.JsonDefaults.Options)) / 1024} KB): "
            + $"{upsertRate:F0}/s; one create + the report-request blob, nothing else (the floor): {floorRate:F0}/s. "
            + $"Submissions reach {100 * submitRate / floorRate:F0}% of the floor ({100 * submitRate / upsertRate:F0}% of the raw upserts; "
            + $"single rounds {100 * ratios[0]:F0}–{100 * ratios[^1]:F0}%, median {100 * Percentile(ratios, 0.50):F0}%)";
    }

    /// <summary>
    /// What a timed phase took: its time, and meanwhile the JIT's compiling time on all threads, the
    /// bytes allocated, the garbage collector's pauses and this process's CPU time.
    /// </summary>
    private readonly record struct Phase(TimeSpan Elapsed, TimeSpan Jit, long Allocated, TimeSpan Paused, TimeSpan Cpu)
    {
        public static Phase operator +(Phase a, Phase b) =>
            new(a.Elapsed + b.Elapsed, a.Jit + b.Jit, a.Allocated + b.Allocated, a.Paused + b.Paused, a.Cpu + b.Cpu);
    }

    private static async Task<Phase> TimedAsync(Func<Task> work)
    {
        using var process = Process.GetCurrentProcess();
        var before = new Phase(TimeSpan.Zero, System.Runtime.JitInfo.GetCompilationTime(), GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), process.TotalProcessorTime);
        var started = Stopwatch.GetTimestamp();
        await work();
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        return new Phase(elapsed, System.Runtime.JitInfo.GetCompilationTime() - before.Jit, GC.GetTotalAllocatedBytes() - before.Allocated,
            GC.GetTotalPauseDuration() - before.Paused, process.TotalProcessorTime - before.Cpu);
    }

    /// <summary>The value below which <paramref name="share"/> of the sorted samples lie (nearest rank).</summary>
    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
}
