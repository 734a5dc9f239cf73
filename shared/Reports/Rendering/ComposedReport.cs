using PdfSharp.Pdf;

namespace CulturalServerless.Reports.Rendering;

/// <summary>
/// A rendered report not yet written out: save it as it is, or hand it to
/// <see cref="Signing.ReportSigner"/>, which writes it signed. A document is written once.
/// </summary>
public sealed class ComposedReport(PdfDocument document, SignatureSlot signatureSlot, OfficialReport report) : IDisposable
{
    public PdfDocument Document { get; } = document;

    public SignatureSlot SignatureSlot { get; } = signatureSlot;

    public OfficialReport Report { get; } = report;

    public int PageCount => Document.PageCount;

    public byte[] SaveUnsigned()
    {
        using var output = new MemoryStream();
        Document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public void Dispose() => Document.Dispose();
}
