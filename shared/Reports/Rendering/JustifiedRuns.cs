using System.Globalization;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace CulturalServerless.Reports.Rendering;

/// <summary>
/// Justified lines drawn as one glyph run each. PDFsharp writes every <c>DrawString</c> as one
/// <c>&lt;glyphs&gt; Tj</c> and offers no word spacing (nor would <c>Tw</c> apply to its two-byte
/// Identity-H text); drawn word by word, a report takes about 1,800 draw calls, 40% of composing it.
/// So the line is drawn whole — which positions it and registers its glyphs for the font subset —
/// and once the page is drawn, that line's <c>Tj</c> in the page's content stream becomes
/// <c>[&lt;word &gt; -n &lt;word &gt; …] TJ</c>: the PDF's own way of widening the gap after each
/// space glyph by n thousandths of the font size. The space glyphs stay, so text copied or
/// extracted from the PDF keeps its word breaks. Worth it for the side-by-side target of issue 16
/// (a signed report at least 10 times faster than LibreOffice's batch, docs/performance.md).
/// </summary>
internal sealed class JustifiedRuns
{
    private static readonly byte[] ShowText = " Tj\n"u8.ToArray();

    // One entry per string drawn on the page, in drawing order: PDFsharp writes one Tj for each.
    private readonly List<Run?> draws = [];

    private sealed record Run(int[] GlyphsPerWord, string Adjustment);

    /// <summary>A string drawn as it is.</summary>
    public void Plain() => draws.Add(null);

    /// <summary>A line drawn whole whose gaps are to be widened by <paramref name="extraGap"/> points each.</summary>
    public void Justified(IReadOnlyList<string> words, double extraGap, double fontSize)
    {
        var glyphs = new int[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            // PDFsharp draws one glyph per code point (it does no shaping).
            glyphs[i] = words[i].Length - words[i].Count(char.IsLowSurrogate);
        }

        // TJ numbers are subtracted from the advance, in thousandths of the font size.
        var adjustment = (-extraGap * 1000 / fontSize).ToString("0.###", CultureInfo.InvariantCulture);
        draws.Add(new Run(glyphs, adjustment));
    }

    /// <summary>Rewrites the justified lines' runs in the content stream the page's graphics wrote; call after disposing them.</summary>
    public void Apply(PdfPage page)
    {
        if (draws.All(draw => draw is null))
        {
            return;
        }

        var contents = page.Contents;
        if (contents.Elements.Count != 1 || contents.Elements.GetDictionary(0) is not PdfContent content)
        {
            throw new InvalidOperationException("A freshly drawn page should have exactly one content stream.");
        }

        if (content.Elements.ContainsKey("/Filter"))
        {
            throw new InvalidOperationException("The page's content stream is already compressed; justify before saving.");
        }

        content.Stream.Value = Rewrite(content.Stream.Value);
    }

    private byte[] Rewrite(byte[] stream)
    {
        var output = new MemoryStream(stream.Length + (stream.Length / 8));
        var copied = 0;
        var searchFrom = 0;
        foreach (var draw in draws)
        {
            var show = stream.AsSpan(searchFrom).IndexOf(ShowText);
            if (show < 0)
            {
                throw new InvalidOperationException($"The page has fewer text runs than the {draws.Count} strings drawn on it.");
            }

            show += searchFrom;
            searchFrom = show + ShowText.Length;
            if (draw is null)
            {
                continue;
            }

            var open = stream.AsSpan(0, show).LastIndexOf((byte)'<');
            if (open < 0 || stream[show - 1] != (byte)'>')
            {
                throw new InvalidOperationException("A justified line was not written as a hexadecimal glyph string.");
            }

            output.Write(stream, copied, open - copied);
            WriteRun(output, stream.AsSpan(open + 1, show - open - 2), draw);
            copied = show + ShowText.Length;
        }

        if (stream.AsSpan(searchFrom).IndexOf(ShowText) >= 0)
        {
            throw new InvalidOperationException($"The page has more text runs than the {draws.Count} strings drawn on it.");
        }

        output.Write(stream, copied, stream.Length - copied);
        return output.ToArray();
    }

    /// <summary>Splits "word space word space word" glyphs (four hex digits each) after each space.</summary>
    private static void WriteRun(MemoryStream output, ReadOnlySpan<byte> written, Run run)
    {
        // PDFsharp breaks long hexadecimal strings over lines; white space inside them means nothing.
        Span<byte> hex = written.Length <= 4096 ? stackalloc byte[written.Length] : new byte[written.Length];
        var length = 0;
        foreach (var digit in written)
        {
            if (!IsWhiteSpace(digit))
            {
                hex[length++] = digit;
            }
        }

        hex = hex[..length];
        var expected = run.GlyphsPerWord.Sum() + run.GlyphsPerWord.Length - 1;
        if (hex.Length != expected * 4)
        {
            throw new InvalidOperationException($"A justified line has {hex.Length / 4} glyphs where its words make {expected}.");
        }

        output.WriteByte((byte)'[');
        var at = 0;
        for (var i = 0; i < run.GlyphsPerWord.Length; i++)
        {
            var last = i == run.GlyphsPerWord.Length - 1;
            var digits = (run.GlyphsPerWord[i] + (last ? 0 : 1)) * 4;
            output.WriteByte((byte)'<');
            output.Write(hex.Slice(at, digits));
            output.WriteByte((byte)'>');
            if (!last)
            {
                output.WriteByte((byte)' ');
                output.Write(Encoding.ASCII.GetBytes(run.Adjustment));
                output.WriteByte((byte)' ');
            }

            at += digits;
        }

        output.Write("] TJ\n"u8);
    }

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t';
}
