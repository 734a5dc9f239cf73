using CulturalServerless.Reports.Signing;
using CulturalServerless.UnitTests.Reports.Fixtures;
using CulturalServerless.UnitTests.Reports.Rendering;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;

namespace CulturalServerless.UnitTests.Reports.Signing;

/// <summary>The signed seed report as a reader sees it: it verifies, tampering shows, the stamp sits where Decree 30 puts it.</summary>
public sealed class ReportSigningTests
{
    // 09:30 in Quảng Ngãi.
    private static readonly DateTimeOffset StampTime = new(2022, 11, 15, 2, 30, 0, TimeSpan.Zero);

    private readonly DevelopmentPki _pki = DevelopmentPki.Shared;

    [Fact]
    public async Task A_signed_report_verifies_with_its_signer_timestamp_authority_and_thumbprint()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);
        using var certificates = _pki.SigningCertificate();
        var pdf = await SignedPdfs.SignSeedAsync(certificates);

        var result = _pki.Verifier().Verify(pdf);

        Assert.True(result.IsValid, string.Join(" | ", result.Problems));
        Assert.Empty(result.Problems);
        Assert.Contains("CN=CulturalServerless development signer", result.SignerSubject, StringComparison.Ordinal);
        Assert.Contains("CN=CulturalServerless development TSA", result.TimestampAuthority, StringComparison.Ordinal);
        Assert.InRange(result.SigningTime!.Value, before, DateTimeOffset.UtcNow.AddSeconds(2));
        var certificate = await certificates.GetCertificateAsync(CancellationToken.None);
        Assert.Equal(CertificateThumbprints.Of(certificate), result.CertificateThumbprint);
    }

    [Fact]
    public async Task Changing_one_byte_of_the_signed_file_is_detected()
    {
        var result = _pki.Verifier().Verify(PdfTamper.FlipSignedByte(await SignedPdfs.SeedAsync()));

        Assert.False(result.IsValid);
        Assert.StartsWith("The signature does not match the document", result.Problem, StringComparison.Ordinal);
        Assert.NotNull(result.CertificateThumbprint);
    }

    [Fact]
    public async Task Bytes_added_after_signing_are_reported()
    {
        var result = _pki.Verifier().Verify([.. await SignedPdfs.SeedAsync(), .. "%% appended\n"u8]);

        Assert.False(result.IsValid);
        Assert.Equal("Bytes were added after the signed part of the file.", result.Problem);
    }

    [Fact]
    public void An_unsigned_report_has_no_signature_to_verify()
    {
        var result = _pki.Verifier().Verify(new ReportRenderer().Render(SeedReport.Build()));

        Assert.False(result.IsValid);
        Assert.Contains("no signature", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_visible_signature_sits_between_the_signer_title_and_name()
    {
        var pdf = await SignedPdfs.SeedAsync();
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
        var stamp = new SignatureStampAppearance("VĂN PHÒNG - UBND TỈNH QUẢNG NGÃI", "Vũ Minh Tâm", StampTime);

        Assert.Equal(
            ["Ký bởi: Vũ Minh Tâm", "Cơ quan: VĂN PHÒNG - UBND TỈNH QUẢNG NGÃI", "Thời gian ký: 2022-11-15T09:30:00+07:00"],
            stamp.Lines);
    }

    [Fact]
    public async Task The_signature_dictionary_claims_the_signing_clock_time_in_M_not_the_machine_clock()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var local = now.ToOffset(TimeSpan.FromHours(7));
        using var certificates = _pki.SigningCertificate();

        var pdf = await SignedPdfs.SignSeedAsync(certificates, new FakeTimeProvider(now));

        Assert.Contains($"/M(D:{local:yyyyMMddHHmmss}+07'00')", SignedPdfs.Text(pdf), StringComparison.Ordinal);
        Assert.Single(SignedPdfs.Text(pdf).Split("/M(D:")[1..]);
    }

    [PdfsigFact]
    public async Task Pdfsig_reports_the_signature_as_valid_and_ETSI_CAdES_detached()
    {
        var output = Pdfsig.Check(await SignedPdfs.SeedAsync());

        Assert.True(output.Contains("Signature is Valid", StringComparison.Ordinal), output);
        Assert.True(output.Contains("ETSI.CAdES.detached", StringComparison.Ordinal), output);
    }

    [PdfsigFact]
    public async Task Pdfsig_reports_a_one_byte_change()
    {
        var output = Pdfsig.Check(PdfTamper.FlipSignedByte(await SignedPdfs.SeedAsync()));

        Assert.False(output.Contains("Signature is Valid", StringComparison.Ordinal), output);
        Assert.True(output.Contains("Digest Mismatch", StringComparison.Ordinal), output);
    }
}
