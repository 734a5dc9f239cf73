using System.Globalization;
using System.Text;
using CulturalServerless.Calendar;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// Makes the signature dictionary PDFsharp 6.2.4 wrote a PAdES one, in the file's bytes, before
/// the signature is computed over them. PDFsharp's DigitalSignatureHandler builds the dictionary
/// itself (GetSignatureDictionary) with a fixed <c>/SubFilter /adbe.pkcs7.detached</c> and
/// <c>/M</c> from the machine's <c>DateTime.Now</c>, and neither DigitalSignatureOptions nor any
/// hook between building and writing it can change them. Both replacements are the same length as
/// what they replace — "/ETSI.CAdES.detached" and "/adbe.pkcs7.detached" are 20 bytes each, and a
/// PDF date with its offset is always 23 — so no offset in the file (the cross-reference table,
/// /ByteRange) moves, and the signed byte ranges cover the patched dictionary.
/// </summary>
internal static class SignatureDictionary
{
    public const string PadesSubFilter = "ETSI.CAdES.detached";

    private static readonly byte[] Written = "/SubFilter/adbe.pkcs7.detached/M("u8.ToArray();
    private static readonly byte[] CadesSubFilter = Encoding.ASCII.GetBytes("/" + PadesSubFilter);
    private const int SubFilterAt = 10; // after "/SubFilter"
    private const int DateLength = 23;  // D:YYYYMMDDHHmmSS+HH'mm'

    /// <summary>
    /// Sets SubFilter to ETSI.CAdES.detached and /M to <paramref name="claimedTime"/> (in Viet Nam's
    /// offset) in the document PDFsharp has written into <paramref name="document"/>.
    /// </summary>
    public static void MakePades(MemoryStream document, DateTimeOffset claimedTime)
    {
        if (!document.TryGetBuffer(out var segment))
        {
            throw new InvalidOperationException("The signed document must be written to an expandable MemoryStream.");
        }

        var pdf = segment.AsSpan(0, (int)document.Length);
        var at = pdf.IndexOf(Written);
        if (at < 0 || pdf[(at + 1)..].IndexOf(Written) >= 0)
        {
            throw new InvalidOperationException(
                "The signature dictionary is not where PDFsharp 6.2.4 writes it (one /SubFilter/adbe.pkcs7.detached/M(…) entry); " +
                "check SignatureDictionary against the PDFsharp version in use.");
        }

        var date = pdf.Slice(at + Written.Length, DateLength + 1);
        if (date[0] != (byte)'D' || date[1] != (byte)':' || date[DateLength] != (byte)')')
        {
            throw new InvalidOperationException("The signature dictionary's /M is not a PDF date of the length PDFsharp 6.2.4 writes.");
        }

        CadesSubFilter.CopyTo(pdf[(at + SubFilterAt)..]);
        Encoding.ASCII.GetBytes(Format(claimedTime)).CopyTo(date);
    }

    /// <summary>A PDF date (ISO 32000-1 7.9.4) as PDFsharp writes it, in Viet Nam's time: D:20221115093000+07'00'.</summary>
    public static string Format(DateTimeOffset time)
    {
        var local = VietnamCalendar.ToLocal(time);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var text = string.Create(CultureInfo.InvariantCulture,
            $"D:{local:yyyyMMddHHmmss}{sign}{Math.Abs(offset.Hours):00}'{Math.Abs(offset.Minutes):00}'");
        return text.Length == DateLength ? text : throw new InvalidOperationException($"A PDF date of unexpected length: {text}");
    }
}
