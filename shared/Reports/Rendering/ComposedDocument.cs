using PdfSharp.Pdf;

namespace CulturalServerless.Reports.Rendering;

/// <summary>
/// A rendered document (a report or a decision) not yet written out: save it as it is, or hand it
/// to <see cref="Signing.ReportSigner"/>, which writes it signed. A document is written once.
/// </summary>
/// <param name="Document">The drawn pages.</param>
/// <param name="SignatureSlot">Where the visible signature goes.</param>
/// <param name="Organisation">Who issues it, as the signature's contact and visible stamp name it.</param>
/// <param name="Place">The place of issue, the signature's location.</param>
/// <param name="SigningReason">The signature's reason, e.g. "Ký số báo cáo".</param>
public sealed class ComposedDocument(PdfDocument document, SignatureSlot signatureSlot, string organisation, string place, string signingReason)
    : IDisposable
{
    public PdfDocument Document { get; } = document;

    public SignatureSlot SignatureSlot { get; } = signatureSlot;

    public string Organisation { get; } = organisation;

    public string Place { get; } = place;

    public string SigningReason { get; } = signingReason;

    public int PageCount => Document.PageCount;

    public byte[] SaveUnsigned()
    {
        using var output = new MemoryStream();
        Document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public void Dispose() => Document.Dispose();
}
