using System.Globalization;

namespace CulturalServerless.Reports.Layout;

/// <summary>
/// Greedy line breaking at spaces (Vietnamese is written with spaces between syllables, so no
/// dictionary is needed). A word wider than the line (a URL, a run of letters pasted by mistake)
/// is cut at the last character that fits rather than overflowing the margin.
/// </summary>
public sealed class LineBreaker(ITextMeasurer measurer)
{
    private const double Tolerance = 1e-6;

    /// <summary>Breaks <paramref name="text"/>; a '\n' in it forces a new line that ends a paragraph.</summary>
    public IReadOnlyList<TextLine> Break(string text, TextStyle style, double width, double firstLineIndent = 0)
    {
        var lines = new List<TextLine>();
        var spaceWidth = measurer.Width(" ", style);
        var indent = firstLineIndent;
        foreach (var hardLine in text.Split('\n'))
        {
            var words = hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            var current = new LineBuilder(indent, spaceWidth);
            foreach (var word in words)
            {
                var wordWidth = measurer.Width(word, style);
                if (current.Fits(wordWidth, width))
                {
                    current.Add(word, wordWidth);
                    continue;
                }

                if (!current.IsEmpty)
                {
                    lines.Add(current.Build(endsParagraph: false));
                    current = new LineBuilder(0, spaceWidth);
                }

                if (current.Fits(wordWidth, width))
                {
                    current.Add(word, wordWidth);
                    continue;
                }

                foreach (var (piece, pieceWidth, isLast) in SplitWord(word, style, width - current.Indent, width))
                {
                    current.Add(piece, pieceWidth);
                    if (!isLast)
                    {
                        lines.Add(current.Build(endsParagraph: false));
                        current = new LineBuilder(0, spaceWidth);
                    }
                }
            }

            lines.Add(current.Build(endsParagraph: true));
            indent = 0;
        }

        return lines;
    }

    private IEnumerable<(string Piece, double Width, bool IsLast)> SplitWord(
        string word, TextStyle style, double firstWidth, double width)
    {
        // Cut between text elements, never inside a surrogate pair or before a combining mark.
        var boundaries = StringInfo.ParseCombiningCharacters(word);
        var start = 0;
        while (start < boundaries.Length)
        {
            var count = LongestFittingRun(word, boundaries, start, style, start == 0 ? firstWidth : width);
            var from = boundaries[start];
            var to = start + count < boundaries.Length ? boundaries[start + count] : word.Length;
            var piece = word[from..to];
            start += count;
            yield return (piece, measurer.Width(piece, style), start >= boundaries.Length);
        }
    }

    // Binary search: the widest prefix that fits; at least one element so that progress is made
    // even on a line narrower than a single letter.
    private int LongestFittingRun(string word, int[] boundaries, int start, TextStyle style, double width)
    {
        int low = 1, high = boundaries.Length - start;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            var to = start + mid < boundaries.Length ? boundaries[start + mid] : word.Length;
            if (measurer.Width(word[boundaries[start]..to], style) <= width + Tolerance)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    private sealed class LineBuilder(double indent, double spaceWidth)
    {
        private readonly List<string> _words = [];
        private readonly List<double> _widths = [];
        private double _width = indent;

        public double Indent { get; } = indent;

        public bool IsEmpty => _words.Count == 0;

        public bool Fits(double wordWidth, double lineWidth) =>
            _width + (IsEmpty ? 0 : spaceWidth) + wordWidth <= lineWidth + Tolerance;

        public void Add(string word, double wordWidth)
        {
            _width += (IsEmpty ? 0 : spaceWidth) + wordWidth;
            _words.Add(word);
            _widths.Add(wordWidth);
        }

        public TextLine Build(bool endsParagraph) => new(_words, _widths, Indent, spaceWidth, endsParagraph);
    }
}
