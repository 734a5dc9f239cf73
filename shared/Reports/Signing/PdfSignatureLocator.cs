using System.Globalization;
using System.Text;

namespace CulturalServerless.Reports.Signing;

/// <summary>
/// Finds the last signature of a PDF without a PDF parser: its /ByteRange says which bytes were
/// signed, and the gap between the two ranges is the hex /Contents string holding the CMS.
/// </summary>
internal static class PdfSignatureLocator
{
    private static readonly byte[] ByteRangeKey = "/ByteRange"u8.ToArray();

    public static bool TryLocate(ReadOnlySpan<byte> pdf, out long[] byteRange, out byte[] signature, out string? problem)
    {
        byteRange = [];
        signature = [];
        var at = pdf.LastIndexOf(ByteRangeKey);
        if (at < 0)
        {
            problem = "The PDF carries no signature (/ByteRange not found).";
            return false;
        }

        if (!TryParseArray(pdf[(at + ByteRangeKey.Length)..], out byteRange))
        {
            problem = "The /ByteRange entry is malformed.";
            return false;
        }

        var (start1, length1, start2, length2) = (byteRange[0], byteRange[1], byteRange[2], byteRange[3]);
        if (start1 != 0 || length1 <= 0 || start2 <= length1 || length2 < 0 || start2 + length2 > pdf.Length)
        {
            problem = "The /ByteRange does not describe this file.";
            return false;
        }

        if (start2 + length2 != pdf.Length)
        {
            problem = "Bytes were added after the signed part of the file.";
            return false;
        }

        if (pdf[(int)length1] != (byte)'<' || pdf[(int)start2 - 1] != (byte)'>')
        {
            problem = "The gap in /ByteRange is not the signature's /Contents.";
            return false;
        }

        var hex = pdf[((int)length1 + 1)..((int)start2 - 1)];
        try
        {
            signature = TrimPadding(Convert.FromHexString(Encoding.ASCII.GetString(hex)));
        }
        catch (FormatException)
        {
            problem = "The signature's /Contents is not a hex string.";
            return false;
        }

        problem = null;
        return true;
    }

    private static bool TryParseArray(ReadOnlySpan<byte> rest, out long[] values)
    {
        values = [];
        var open = rest.IndexOf((byte)'[');
        var close = rest.IndexOf((byte)']');
        if (open < 0 || close < open || rest[..open].Trim(" \r\n\t"u8).Length > 0)
        {
            return false;
        }

        var parts = Encoding.ASCII.GetString(rest[(open + 1)..close])
            .Split([' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4)
        {
            return false;
        }

        values = new long[4];
        for (var i = 0; i < 4; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return false;
            }
        }

        return true;
    }

    // The /Contents string is zero-padded to the room reserved for it; the CMS is one DER SEQUENCE
    // whose own length says where it ends.
    private static byte[] TrimPadding(byte[] der)
    {
        if (der.Length < 2 || der[0] != 0x30)
        {
            return der;
        }

        int length;
        int header;
        if (der[1] < 0x80)
        {
            (length, header) = (der[1], 2);
        }
        else
        {
            var lengthBytes = der[1] & 0x7F;
            if (lengthBytes is 0 or > 4 || der.Length < 2 + lengthBytes)
            {
                return der;
            }

            length = 0;
            for (var i = 0; i < lengthBytes; i++)
            {
                length = (length << 8) | der[2 + i];
            }

            header = 2 + lengthBytes;
        }

        var total = header + length;
        return total > 0 && total <= der.Length ? der[..total] : der;
    }
}
