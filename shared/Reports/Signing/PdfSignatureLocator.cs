using System.Buffers;
using System.Globalization;
using System.Text;

namespace CulturalServerless.Reports.Signing;

/// <summary>Where the last signature of a PDF is: its /ByteRange and the CMS in the /Contents gap between the ranges.</summary>
internal sealed record LocatedSignature(long[] ByteRange, byte[] Cms)
{
    public long SignedLength => ByteRange[1] + ByteRange[3];
}

/// <summary>
/// Finds the last signature of a PDF without a PDF parser: its /ByteRange says which bytes were
/// signed, and the gap between the two ranges is the hex /Contents string holding the CMS. Works
/// on a seekable stream, reading only the bytes it needs, so an upload is never copied whole.
/// </summary>
internal static class PdfSignatureLocator
{
    /// <summary>Far above a signature with its chain and timestamp (about 6 KB); a larger /Contents is not one of ours.</summary>
    public const int MaxSignatureBytes = 512 * 1024;

    private const int Window = 64 * 1024;
    private static readonly byte[] ByteRangeKey = "/ByteRange"u8.ToArray();

    public static LocatedSignature? Locate(Stream pdf, out string? problem)
    {
        var length = pdf.Length;
        if (length > int.MaxValue)
        {
            problem = "The file is too large to be a report.";
            return null;
        }

        var at = LastIndexOf(pdf, ByteRangeKey);
        if (at < 0)
        {
            problem = "The PDF carries no signature (/ByteRange not found).";
            return null;
        }

        Span<byte> tail = stackalloc byte[256];
        var tailLength = (int)Math.Min(tail.Length, length - (at + ByteRangeKey.Length));
        ReadAt(pdf, at + ByteRangeKey.Length, tail[..tailLength]);
        if (!TryParseArray(tail[..tailLength], out var byteRange))
        {
            problem = "The /ByteRange entry is malformed.";
            return null;
        }

        var (start1, length1, start2, length2) = (byteRange[0], byteRange[1], byteRange[2], byteRange[3]);
        if (start1 != 0 || length1 <= 0 || start2 <= length1 + 1 || length2 < 0 || start2 > length || length2 > length - start2)
        {
            problem = "The /ByteRange does not describe this file.";
            return null;
        }

        if (start2 + length2 != length)
        {
            problem = "Bytes were added after the signed part of the file.";
            return null;
        }

        if (ByteAt(pdf, length1) != (byte)'<' || ByteAt(pdf, start2 - 1) != (byte)'>')
        {
            problem = "The gap in /ByteRange is not the signature's /Contents.";
            return null;
        }

        var hexLength = start2 - 1 - (length1 + 1);
        if (hexLength > 2L * MaxSignatureBytes)
        {
            problem = $"The signature's /Contents is larger than {MaxSignatureBytes / 1024} KB; no report signature is.";
            return null;
        }

        var hex = ArrayPool<byte>.Shared.Rent((int)hexLength);
        try
        {
            ReadAt(pdf, length1 + 1, hex.AsSpan(0, (int)hexLength));
            if (!TryDecodeHex(hex.AsSpan(0, (int)hexLength), out var der))
            {
                problem = "The signature's /Contents is not a hex string.";
                return null;
            }

            problem = null;
            return new LocatedSignature(byteRange, TrimPadding(der));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(hex);
        }
    }

    /// <summary>The signed bytes (both ranges, one after the other): what the signature's digest covers.</summary>
    public static byte[] ReadSignedContent(Stream pdf, LocatedSignature signature)
    {
        var content = new byte[signature.SignedLength];
        ReadAt(pdf, signature.ByteRange[0], content.AsSpan(0, (int)signature.ByteRange[1]));
        ReadAt(pdf, signature.ByteRange[2], content.AsSpan((int)signature.ByteRange[1]));
        return content;
    }

    private static long LastIndexOf(Stream pdf, ReadOnlySpan<byte> key)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Window);
        try
        {
            var end = pdf.Length;
            while (end > 0)
            {
                var start = Math.Max(0, end - Window);
                var span = buffer.AsSpan(0, (int)(end - start));
                ReadAt(pdf, start, span);
                var found = span.LastIndexOf(key);
                if (found >= 0)
                {
                    return start + found;
                }

                if (start == 0)
                {
                    return -1;
                }

                // Overlap the windows so that a key across their border is found.
                end = start + key.Length - 1;
            }

            return -1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int ByteAt(Stream pdf, long position)
    {
        pdf.Position = position;
        return pdf.ReadByte();
    }

    private static void ReadAt(Stream pdf, long position, Span<byte> destination)
    {
        pdf.Position = position;
        pdf.ReadExactly(destination);
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

    // A PDF hex string may hold white space between its digits (ISO 32000-1 7.3.4.3).
    private static bool TryDecodeHex(ReadOnlySpan<byte> hex, out byte[] bytes)
    {
        bytes = new byte[hex.Length / 2];
        var count = 0;
        var high = -1;
        foreach (var c in hex)
        {
            if (c is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or (byte)'\f' or 0)
            {
                continue;
            }

            var digit = HexDigit(c);
            if (digit < 0)
            {
                bytes = [];
                return false;
            }

            if (high < 0)
            {
                high = digit;
            }
            else
            {
                bytes[count++] = (byte)((high << 4) | digit);
                high = -1;
            }
        }

        if (high >= 0)
        {
            bytes = [];
            return false;
        }

        if (count != bytes.Length)
        {
            Array.Resize(ref bytes, count);
        }

        return true;
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

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
            if (lengthBytes is 0 or > 3 || der.Length < 2 + lengthBytes)
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
