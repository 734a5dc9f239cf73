using BenchmarkDotNet.Attributes;
using CulturalServerless.Reports;
using CulturalServerless.Reports.Rendering;
using CulturalServerless.Reports.Signing;
using CulturalServerless.UnitTests.Reports.Fixtures;

namespace CulturalServerless.Benchmarks;

/// <summary>
/// The official report of the seed agency: rendered, rendered and signed one at a time, and
/// rendered and signed on every core at once (the figure that sizes a batch run).
/// Targets: under 10 ms per signed report on one thread; at least 150 signed reports/s on 2 cores.
/// Justified lines stay drawn word by word while one thread stays under 15 ms (issue 12).
/// </summary>
// Min and max matter on a shared machine, where the mean carries other jobs' load.
[MemoryDiagnoser]
[MinColumn]
[MaxColumn]
public class ReportBenchmarks
{
    public const int ParallelBatch = 64;

    private readonly ReportRenderer _renderer = new();
    private OfficialReport _report = null!;
    private SelfSignedCertificateSource _certificates = null!;
    private ReportSigner _signer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _report = SeedReport.Build();
        _certificates = new SelfSignedCertificateSource("Vũ Minh Tâm", "Văn phòng UBND tỉnh Quảng Ngãi");
        _signer = new ReportSigner(_certificates, TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup() => _certificates.Dispose();

    [Benchmark]
    public byte[] Render() => _renderer.Render(_report);

    [Benchmark]
    public byte[] RenderAndSign() => RenderAndSignOne();

    /// <summary>Reports per second = 1 / the mean this reports (it is per report).</summary>
    [Benchmark(OperationsPerInvoke = ParallelBatch)]
    public void RenderAndSignInParallel() =>
        Parallel.For(0, ParallelBatch, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, _ => RenderAndSignOne());

    private byte[] RenderAndSignOne()
    {
        using var composed = _renderer.Compose(_report);
        // The signer only awaits a certificate source that is already complete: no thread hop.
        return _signer.SignAsync(composed).GetAwaiter().GetResult();
    }
}
