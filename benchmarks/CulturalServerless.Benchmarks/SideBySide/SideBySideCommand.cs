using System.Diagnostics;
using System.Globalization;
using CulturalServerless.Reports;
using CulturalServerless.Reports.Decisions;
using CulturalServerless.Reports.Rendering;
using CulturalServerless.UnitTests.Reports.Fixtures;
using CulturalServerless.UnitTests.Reports.Signing;

namespace CulturalServerless.Benchmarks.SideBySide;

/// <summary>
/// The project's half of benchmarks/compare-libreoffice.sh: writes the seed report as a flat ODT
/// (and <c>--copies</c> copies of it for LibreOffice's batch), then times our render+sign of the
/// same report, signed PAdES B-T with a timestamp from the loopback TSA, on one thread after a
/// warm-up long enough for tiered compilation, and on every core; and the same for a recognition
/// decision listing <c>--agencies</c> agencies (600 by default, issue 14's scale), one thread.
/// Prints <c>key=value</c> lines the script reads.
/// </summary>
internal static class SideBySideCommand
{
    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        Directory.CreateDirectory(options.Out);
        var report = SeedReport.Build();
        var fodt = Path.Combine(options.Out, "seed-report.fodt");
        FlatOdtReport.Write(report, fodt);
        var batch = Path.Combine(options.Out, "batch");
        Directory.CreateDirectory(batch);
        for (var i = 1; i <= options.Copies; i++)
        {
            File.Copy(fodt, Path.Combine(batch, $"seed-report-{i:00}.fodt"), overwrite: true);
        }

        var renderer = new ReportRenderer();
        // Signed PAdES B-T as the app signs: by a certificate of the development CA, timestamped by
        // the loopback TSA (tools/timestamp-authority), so the TSA's round trip is in the figure.
        var pki = DevelopmentPki.Shared;
        using var certificates = pki.SigningCertificate();
        var signer = pki.Signer(certificates);
        byte[] RenderAndSign()
        {
            using var composed = renderer.Compose(report);
            return signer.SignAsync(composed).GetAwaiter().GetResult();
        }

        File.WriteAllBytes(Path.Combine(options.Out, "ours.pdf"), RenderAndSign());
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < options.WarmUp) RenderAndSign();

        var samples = SortedTimings(options.Iterations, () => RenderAndSign());

        var parallel = Stopwatch.StartNew();
        var documents = 0;
        Parallel.For(0, Environment.ProcessorCount, _ =>
        {
            while (parallel.Elapsed < options.ParallelFor)
            {
                RenderAndSign();
                Interlocked.Increment(ref documents);
            }
        });
        parallel.Stop();

        var (decisionFodt, decisionMedian, decisionPages, decisionAllocated) = TimeDecision(options, signer);

        Print("fodt", fodt);
        Print("batch_dir", batch);
        Print("ours_one_thread_median_ms", samples[samples.Length / 2]);
        Print("ours_one_thread_mean_ms", samples.Average());
        Print("ours_one_thread_p95_ms", samples[(int)(samples.Length * 0.95)]);
        Print("ours_all_cores_docs_per_s", documents / parallel.Elapsed.TotalSeconds);
        Print("ours_cores", Environment.ProcessorCount);
        Print("decision_fodt", decisionFodt);
        Print("ours_decision_agencies", options.Agencies);
        Print("ours_decision_pages", decisionPages);
        Print("ours_decision_one_thread_median_ms", decisionMedian);
        Print("ours_decision_allocated_mb", decisionAllocated / 1024d / 1024d);
        Print("ours_peak_working_set_mb", Process.GetCurrentProcess().PeakWorkingSet64 / 1024d / 1024d);
        return 0;
    }

    // The decision of issue 14's scale, rendered and signed (B-T) on this thread: warmed up, then the
    // median of a few, and what one of them allocates.
    private static (string Fodt, double MedianMs, int Pages, long AllocatedBytes) TimeDecision(Options options, Reports.Signing.ReportSigner signer)
    {
        var decision = SampleDecision.Build(options.Agencies);
        var fodt = Path.Combine(options.Out, $"decision-{options.Agencies}.fodt");
        FlatOdtDecision.Write(decision, fodt);
        var renderer = new DecisionRenderer();
        var pages = 0;
        byte[] RenderAndSign()
        {
            using var composed = renderer.Compose(decision);
            pages = composed.PageCount;
            return signer.SignAsync(composed).GetAwaiter().GetResult();
        }

        File.WriteAllBytes(Path.Combine(options.Out, $"ours-decision-{options.Agencies}.pdf"), RenderAndSign());
        for (var i = 0; i < 10; i++) RenderAndSign();
        var before = GC.GetAllocatedBytesForCurrentThread();
        RenderAndSign();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var samples = SortedTimings(options.DecisionIterations, () => RenderAndSign());
        return (fodt, samples[samples.Length / 2], pages, allocated);
    }

    /// <summary>Milliseconds of <paramref name="count"/> calls of <paramref name="work"/>, one at a time, in order.</summary>
    private static double[] SortedTimings(int count, Action work)
    {
        var samples = new double[count];
        for (var i = 0; i < samples.Length; i++)
        {
            var one = Stopwatch.StartNew();
            work();
            samples[i] = one.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        return samples;
    }

    private static void Print(string key, object value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}={(value is double d ? d.ToString("0.###", CultureInfo.InvariantCulture) : value)}"));

    private sealed record Options(string Out, int Copies, TimeSpan WarmUp, int Iterations, TimeSpan ParallelFor, int Agencies, int DecisionIterations)
    {
        public static Options Parse(string[] args)
        {
            string Value(string name, string fallback)
            {
                var at = Array.IndexOf(args, name);
                return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
            }
            return new Options(
                Value("--out", Path.Combine(Path.GetTempPath(), "compare-libreoffice")),
                int.Parse(Value("--copies", "20"), CultureInfo.InvariantCulture),
                TimeSpan.FromSeconds(double.Parse(Value("--warmup-seconds", "20"), CultureInfo.InvariantCulture)),
                int.Parse(Value("--iterations", "200"), CultureInfo.InvariantCulture),
                TimeSpan.FromSeconds(double.Parse(Value("--parallel-seconds", "10"), CultureInfo.InvariantCulture)),
                int.Parse(Value("--agencies", "600"), CultureInfo.InvariantCulture),
                int.Parse(Value("--decision-iterations", "15"), CultureInfo.InvariantCulture));
        }
    }
}
