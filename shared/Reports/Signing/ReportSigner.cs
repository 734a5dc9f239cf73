using CulturalServerless.Reports.Fonts;
using CulturalServerless.Reports.Rendering;
using PdfSharp.Drawing;
using PdfSharp.Pdf.Signatures;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// Writes a composed report as a signed PDF: a CMS (PKCS#7, SHA-256) signature covering the whole
/// file, made with the certificate from <see cref="ISigningCertificateSource"/>, and a visible stamp
/// between the signer's title and name.
/// </summary>
public sealed class ReportSigner(ISigningCertificateSource certificates, TimeProvider clock)
{
    public const string Reason = "Ký số báo cáo";

    public async Task<byte[]> SignAsync(ComposedReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ReportFonts.EnsureRegistered();
        var certificate = await certificates.GetCertificateAsync(cancellationToken).ConfigureAwait(false);
        var signingTime = clock.GetUtcNow();
        var signer = new CmsDigitalSigner(certificate, signingTime);

        var slot = report.SignatureSlot;
        var page = report.Document.Pages[slot.PageIndex];
        // The widget rectangle is in PDF user space, whose origin is the bottom-left corner.
        var rectangle = new XRect(
            slot.Bounds.X, page.Height.Point - slot.Bounds.Bottom, slot.Bounds.Width, slot.Bounds.Height);
        var source = report.Report;
        var organisation = source.Organisation;

        DigitalSignatureHandler.ForDocument(report.Document, signer, new DigitalSignatureOptions
        {
            PageIndex = slot.PageIndex,
            Rectangle = rectangle,
            AppearanceHandler = new SignatureStampAppearance(organisation, signer.CertificateName, signingTime),
            Reason = Reason,
            Location = source.PlaceAndDate.Place,
            ContactInfo = organisation,
            AppName = ReportRenderer.Creator,
        });

        using var output = new MemoryStream();
        await report.Document.SaveAsync(output, closeStream: false).ConfigureAwait(false);
        return output.ToArray();
    }
}
