using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CulturalServerless.Scoring.Submissions;

/// <summary>
/// A fast, sound "already NFC" check for the characters Vietnamese reports use. No character below
/// U+0300 (Basic Latin to Latin Extended-B, which holds Đ, Ơ, Ư), in Latin Extended Additional (the
/// precomposed Vietnamese letters, U+1E00–U+1EFF) or in General Punctuation after its two singletons
/// (U+2002–U+206F: “ ” –) changes under NFC or composes with a neighbour, so a text made only of them
/// is NFC. False means "not known": the caller then asks ICU. Vectorised because every submission
/// carries several kilobytes of text and the check runs on each of them.
/// </summary>
internal static class NfcStableText
{
    public static bool IsStable(string text)
    {
        var span = MemoryMarshal.Cast<char, ushort>(text.AsSpan());
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Sixteen characters a step where the CPU has 256-bit vectors (most servers), eight otherwise.
            for (; i + Vector256<ushort>.Count <= span.Length; i += Vector256<ushort>.Count)
            {
                var block = Vector256.Create(span.Slice(i, Vector256<ushort>.Count));
                var stable = Vector256.LessThanOrEqual(block, Vector256.Create((ushort)0x02FF))
                    | Vector256.LessThanOrEqual(block - Vector256.Create((ushort)0x1E00), Vector256.Create((ushort)0x00FF))
                    | Vector256.LessThanOrEqual(block - Vector256.Create((ushort)0x2002), Vector256.Create((ushort)(0x206F - 0x2002)));
                if (stable != Vector256<ushort>.AllBitsSet)
                {
                    return false;
                }
            }
        }
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + Vector128<ushort>.Count <= span.Length; i += Vector128<ushort>.Count)
            {
                var block = Vector128.Create(span.Slice(i, Vector128<ushort>.Count));
                var stable = Vector128.LessThanOrEqual(block, Vector128.Create((ushort)0x02FF))
                    | Vector128.LessThanOrEqual(block - Vector128.Create((ushort)0x1E00), Vector128.Create((ushort)0x00FF))
                    | Vector128.LessThanOrEqual(block - Vector128.Create((ushort)0x2002), Vector128.Create((ushort)(0x206F - 0x2002)));
                if (stable != Vector128<ushort>.AllBitsSet)
                {
                    return false;
                }
            }
        }
        for (; i < span.Length; i++)
        {
            if (!IsStable(span[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsStable(ushort c) =>
        c <= 0x02FF || (ushort)(c - 0x1E00) <= 0x00FF || (ushort)(c - 0x2002) <= 0x206F - 0x2002;
}
