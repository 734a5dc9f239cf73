using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using BenchmarkDotNet.Attributes;
using CulturalServerless.Reports;
using CulturalServerless.Reports.Rendering;
using CulturalServerless.Reports.Signing;
using CulturalServerless.UnitTests.Reports.Fixtures;
using CulturalServerless.UnitTests.Reports.Signing;

namespace CulturalServerless.Benchmarks;

/// <summary>
/// The official report of the seed agency: rendered; rendered and signed (PAdES B-T: the
/// development PKI of ./run.sh and its loopback TSA, tools/timestamp-authority, made for the run) one at a time and on
/// every core at once; and the TSA round trip alone, the timestamp's share of a signature.
/// Targets: a signed report at least 10× faster than LibreOffice converts an equivalent document in
/// a batch (docs/reports.md), the reason justified lines are glyph runs (JustifiedRuns).
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
    private PfxFileCertificateSource _certificates = null!;
    private ReportSigner _signer = null!;
    private ITimestampAuthority _timestamps = null!;
    private byte[] _signatureValue = null!;

    [GlobalSetup]
    public void Setup()
    {
        _report = SeedReport.Build();
        var pki = DevelopmentPki.Shared;
        _certificates = pki.SigningCertificate();
        _timestamps = pki.TimestampAuthority;
        _signer = pki.Signer(_certificates);
        _signatureValue = RandomNumberGenerator.GetBytes(256);
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

    /// <summary>What a signature spends on its timestamp: one query to the TSA and its checked reply.</summary>
    [Benchmark]
    public Rfc3161TimestampToken Timestamp() =>
        _timestamps.TimestampAsync(
            Rfc3161TimestampRequest.CreateFromHash(SHA256.HashData(_signatureValue), HashAlgorithmName.SHA256, requestSignerCertificates: true),
            CancellationToken.None).GetAwaiter().GetResult();

    private byte[] RenderAndSignOne()
    {
        using var composed = _renderer.Compose(_report);
        return _signer.SignAsync(composed).GetAwaiter().GetResult();
    }
}
