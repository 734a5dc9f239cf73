using System.Buffers.Binary;

namespace CulturalServerless.Reports.Fonts;

/// <summary>
/// The set of code points a TrueType font maps to a glyph, read from its 'cmap' table.
/// PDFsharp draws an unmapped character as an empty box without telling anyone, so text is
/// checked against this set first and unknown characters are replaced visibly.
/// </summary>
public sealed class FontCoverage
{
    private readonly HashSet<int> _codePoints;

    // Every character of every report is looked up: a flat table answers the BMP without hashing.
    private readonly bool[] _basicPlane = new bool[0x10000];

    private FontCoverage(HashSet<int> codePoints)
    {
        _codePoints = codePoints;
        foreach (var codePoint in codePoints.Where(c => c < _basicPlane.Length))
        {
            _basicPlane[codePoint] = true;
        }
    }

    public int Count => _codePoints.Count;

    public bool Contains(int codePoint) =>
        codePoint is >= 0 and < 0x10000 ? _basicPlane[codePoint] : _codePoints.Contains(codePoint);

    public static FontCoverage Intersect(IEnumerable<FontCoverage> coverages)
    {
        HashSet<int>? common = null;
        foreach (var coverage in coverages)
        {
            if (common is null)
            {
                common = [.. coverage._codePoints];
            }
            else
            {
                common.IntersectWith(coverage._codePoints);
            }
        }

        return new FontCoverage(common ?? []);
    }

    public static FontCoverage FromTrueType(byte[] font)
    {
        var data = font.AsSpan();
        var cmap = FindTable(data, "cmap");
        var subtableCount = BinaryPrimitives.ReadUInt16BigEndian(data[(cmap + 2)..]);
        var codePoints = new HashSet<int>();
        for (var i = 0; i < subtableCount; i++)
        {
            var record = cmap + 4 + (i * 8);
            var platform = BinaryPrimitives.ReadUInt16BigEndian(data[record..]);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(data[(record + 2)..]);
            var offset = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(data[(record + 4)..]);
            var format = BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);
            var isUnicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            if (!isUnicode)
            {
                continue;
            }

            if (format == 4)
            {
                ReadFormat4(data[offset..], codePoints);
            }
            else if (format == 12)
            {
                ReadFormat12(data[offset..], codePoints);
            }
        }

        return new FontCoverage(codePoints);
    }

    private static int FindTable(ReadOnlySpan<byte> data, string tag)
    {
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
        for (var i = 0; i < tableCount; i++)
        {
            var record = 12 + (i * 16);
            if (data.Slice(record, 4).SequenceEqual(System.Text.Encoding.ASCII.GetBytes(tag)))
            {
                return (int)BinaryPrimitives.ReadUInt32BigEndian(data[(record + 8)..]);
            }
        }

        throw new InvalidDataException($"The font has no '{tag}' table.");
    }

    // Segment mapping to delta values: the usual BMP subtable.
    private static void ReadFormat4(ReadOnlySpan<byte> table, HashSet<int> codePoints)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        var endCodes = 14;
        var startCodes = endCodes + (segments * 2) + 2;
        var deltas = startCodes + (segments * 2);
        var rangeOffsets = deltas + (segments * 2);
        for (var s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(table[(endCodes + (s * 2))..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(table[(startCodes + (s * 2))..]);
            var delta = BinaryPrimitives.ReadInt16BigEndian(table[(deltas + (s * 2))..]);
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(table[(rangeOffsets + (s * 2))..]);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var glyphAt = rangeOffsets + (s * 2) + rangeOffset + ((c - start) * 2);
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(table[glyphAt..]);
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    codePoints.Add(c);
                }
            }
        }
    }

    // Segmented coverage: used by fonts with characters beyond the BMP.
    private static void ReadFormat12(ReadOnlySpan<byte> table, HashSet<int> codePoints)
    {
        var groups = BinaryPrimitives.ReadUInt32BigEndian(table[12..]);
        for (var g = 0; g < groups; g++)
        {
            var group = 16 + (g * 12);
            var start = BinaryPrimitives.ReadUInt32BigEndian(table[group..]);
            var end = BinaryPrimitives.ReadUInt32BigEndian(table[(group + 4)..]);
            var glyph = BinaryPrimitives.ReadUInt32BigEndian(table[(group + 8)..]);
            for (var c = start; c <= end; c++, glyph++)
            {
                if (glyph != 0)
                {
                    codePoints.Add((int)c);
                }
            }
        }
    }
}
