using System.Security.Cryptography;
using CulturalServerless.Reports.Signing;
using CulturalServerless.UnitTests.Reports.Fixtures;
using CulturalServerless.UnitTests.Reports.Rendering;
using UglyToad.PdfPig;

namespace CulturalServerless.UnitTests.Reports.Signing;

public sealed class ReportSigningTests : IDisposable
{
    // 09:30 in Quảng Ngãi.
    private static readonly DateTimeOffset SigningTime = new(2022, 11, 15, 2, 30, 0, TimeSpan.Zero);

    private readonly SelfSignedCertificateSource _certificates = new("Vũ Minh Tâm", "Văn phòng UBND tỉnh Quảng Ngãi");
    private readonly ReportSignatureVerifier _verifier = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task A_signed_report_verifies_with_its_signer_time_and_thumbprint()
    {
        var pdf = await SignSeedAsync();

        var result = _verifier.Verify(pdf);

        Assert.True(result.IsValid, result.Problem);
        Assert.Null(result.Problem);
        Assert.Contains("CN=Vũ Minh Tâm", result.SignerSubject, StringComparison.Ordinal);
        Assert.Equal(SigningTime, result.SigningTime);
        Assert.Equal(_certificates.Certificate.GetCertHashString(HashAlgorithmName.SHA256), result.CertificateThumbprint);
    }

    [Fact]
    public async Task Changing_one_byte_of_the_signed_file_is_detected()
    {
        var pdf = await SignSeedAsync();

        var result = _verifier.Verify(Tamper(pdf));

        Assert.False(result.IsValid);
        Assert.StartsWith("The signature does not match the document", result.Problem, StringComparison.Ordinal);
        Assert.Equal(_certificates.Certificate.GetCertHashString(HashAlgorithmName.SHA256), result.CertificateThumbprint);
    }

    [Fact]
    public async Task Bytes_added_after_signing_are_reported()
    {
        var pdf = await SignSeedAsync();

        var result = _verifier.Verify([.. pdf, .. "%% appended\n"u8]);

        Assert.False(result.IsValid);
        Assert.Equal("Bytes were added after the signed part of the file.", result.Problem);
    }

    [Fact]
    public void An_unsigned_report_has_no_signature_to_verify()
    {
        var result = _verifier.Verify(new ReportRenderer().Render(SeedReport.Build()));

        Assert.False(result.IsValid);
        Assert.Contains("no signature", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_visible_signature_sits_between_the_signer_title_and_name()
    {
        var pdf = await SignSeedAsync();
        var lines = PdfTextLines.Read(pdf);
        var title = Assert.Single(lines, line => line.Text == "CHÁNH VĂN PHÒNG");
        var name = Assert.Single(lines, line => line.Text == "Vũ Minh Tâm");

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(title.Page);
        var widget = Assert.Single(page.GetAnnotations());
        var top = page.Height - widget.Rectangle.Top;
        var bottom = page.Height - widget.Rectangle.Bottom;

        Assert.True(top > title.FromTop && bottom < name.FromTop - 10, $"{top}-{bottom} not between {title.FromTop} and {name.FromTop}");
        Assert.Equal(title.Centre, (widget.Rectangle.Left + widget.Rectangle.Right) / 2, 1.0);
    }

    [Fact]
    public void The_stamp_names_signer_organisation_and_time_with_the_Vietnam_offset()
    {
        var stamp = new SignatureStampAppearance("VĂN PHÒNG - UBND TỈNH QUẢNG NGÃI", "Vũ Minh Tâm", SigningTime);

        Assert.Equal(
            ["Ký bởi: Vũ Minh Tâm", "Cơ quan: VĂN PHÒNG - UBND TỈNH QUẢNG NGÃI", "Thời gian ký: 2022-11-15T09:30:00+07:00"],
            stamp.Lines);
    }

    [Fact]
    public async Task A_certificate_from_a_pfx_file_signs_the_same_way()
    {
        var file = Path.Combine(Path.GetTempPath(), $"report-signer-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(file, _certificates.Certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "test"));
        try
        {
            using var source = new PfxFileCertificateSource(file, "test");
            using var composed = new ReportRenderer().Compose(SeedReport.Build());
            var pdf = await new ReportSigner(source, new FixedClock(SigningTime)).SignAsync(composed);

            Assert.True(_verifier.Verify(pdf).IsValid);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [PdfsigFact]
    public async Task Pdfsig_reports_the_signature_as_valid()
    {
        var output = Pdfsig.Check(await SignSeedAsync());

        Assert.True(output.Contains("Signature is Valid", StringComparison.Ordinal), output);
    }

    [PdfsigFact]
    public async Task Pdfsig_reports_a_one_byte_change()
    {
        var output = Pdfsig.Check(Tamper(await SignSeedAsync()));

        Assert.False(output.Contains("Signature is Valid", StringComparison.Ordinal), output);
        Assert.True(output.Contains("Digest Mismatch", StringComparison.Ordinal), output);
    }

    internal async Task<byte[]> SignSeedAsync()
    {
        using var composed = new ReportRenderer().Compose(SeedReport.Build());
        return await new ReportSigner(_certificates, new FixedClock(SigningTime)).SignAsync(composed);
    }

    internal static byte[] Tamper(byte[] pdf) => PdfTamper.FlipSignedByte(pdf);
}
