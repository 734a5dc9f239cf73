using BenchmarkDotNet.Attributes;
using CulturalServerless.Reports.Decisions;
using CulturalServerless.Reports.Signing;
using CulturalServerless.UnitTests.Reports.Fixtures;
using CulturalServerless.UnitTests.Reports.Signing;

namespace CulturalServerless.Benchmarks;

/// <summary>
/// A recognition decision listing many agencies (Quảng Ngãi's QĐ 755/QĐ-UBND listed 580): rendered,
/// and rendered and signed PAdES B-T with the loopback TSA, on one thread. Target (issue 14): 600
/// agencies in under 1 s, with memory that grows with the document and nothing more — the
/// 150-agency case shows what allocation per agency looks like at a quarter of the size.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MaxColumn]
public class DecisionBenchmarks
{
    private readonly DecisionRenderer _renderer = new();
    private RecognitionDecision _decision = null!;
    private PfxFileCertificateSource _certificates = null!;
    private ReportSigner _signer = null!;

    [Params(150, 600)]
    public int Agencies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _decision = SampleDecision.Build(Agencies);
        var pki = DevelopmentPki.Shared;
        _certificates = pki.SigningCertificate();
        _signer = pki.Signer(_certificates);
    }

    [GlobalCleanup]
    public void Cleanup() => _certificates.Dispose();

    [Benchmark]
    public byte[] Render() => _renderer.Render(_decision);

    [Benchmark]
    public byte[] RenderAndSign()
    {
        using var composed = _renderer.Compose(_decision);
        return _signer.SignAsync(composed).GetAwaiter().GetResult();
    }
}
