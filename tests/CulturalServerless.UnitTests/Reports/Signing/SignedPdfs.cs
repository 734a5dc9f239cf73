using System.Security.Cryptography.Pkcs;
using CulturalServerless.Reports.Signing;
using CulturalServerless.UnitTests.Reports.Fixtures;

namespace CulturalServerless.UnitTests.Reports.Signing;

/// <summary>Signed seed reports made with the development PKI, and the surgery tests do on them.</summary>
internal static class SignedPdfs
{
    private static readonly Lazy<Task<byte[]>> SeedReport = new(() => SignSeedAsync(DevelopmentPki.Shared.SigningCertificate()));

    /// <summary>The seed report signed once for the whole run with the development signing certificate.</summary>
    public static Task<byte[]> SeedAsync() => SeedReport.Value;

    public static async Task<byte[]> SignSeedAsync(ISigningCertificateSource certificates, TimeProvider? clock = null)
    {
        using var composed = new ReportRenderer().Compose(Fixtures.SeedReport.Build());
        return await DevelopmentPki.Shared.Signer(certificates, clock).SignAsync(composed);
    }

    public static LocatedSignature Locate(byte[] pdf) =>
        PdfSignatureLocator.Locate(new MemoryStream(pdf), out var problem) ?? throw new InvalidOperationException(problem);

    /// <summary>The CMS of the PDF's signature, decoded over the bytes it signs.</summary>
    public static SignedCms Cms(byte[] pdf)
    {
        var located = Locate(pdf);
        var cms = new SignedCms(new ContentInfo(PdfSignatureLocator.ReadSignedContent(new MemoryStream(pdf), located)), detached: true);
        cms.Decode(located.Cms);
        return cms;
    }

    public static byte[] SignedContent(byte[] pdf) => PdfSignatureLocator.ReadSignedContent(new MemoryStream(pdf), Locate(pdf));

    /// <summary>The PDF with <paramref name="cms"/> written into its /Contents in place of the signature, zero-padded as PDFsharp pads.</summary>
    public static byte[] WithSignature(byte[] pdf, byte[] cms)
    {
        var range = Locate(pdf).ByteRange;
        var room = (int)(range[2] - range[1] - 2);
        var hex = Encoding.ASCII.GetBytes(Convert.ToHexString(cms));
        if (hex.Length > room)
        {
            throw new InvalidOperationException($"{cms.Length} bytes do not fit the {room / 2} reserved.");
        }

        var copy = (byte[])pdf.Clone();
        var at = (int)range[1] + 1;
        hex.CopyTo(copy, at);
        copy.AsSpan(at + hex.Length, room - hex.Length).Fill((byte)'0');
        return copy;
    }

    public static string Text(byte[] pdf) => Encoding.Latin1.GetString(pdf);
}
