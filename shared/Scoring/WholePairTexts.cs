namespace CulturalServerless.Scoring;

/// <summary>
/// Texts made from a pair of whole numbers from 0 to a maximum — a self-score and a computed score —
/// kept once made. The same pairs recur across thousands of agencies, and a kept text is neither
/// built nor allocated again. Pairs with a fraction or beyond the maximum are not kept.
/// </summary>
internal sealed class WholePairTexts
{
    // Scores of up to 100 points: at most 101 × 101 entries, filled as pairs occur.
    private const int LargestKept = 100;

    private readonly int max;
    private readonly string?[] texts;

    public WholePairTexts(decimal maxPoints)
    {
        max = VietnameseNumbers.SmallWhole(maxPoints) is var whole and >= 0 and <= LargestKept ? whole : -1;
        texts = max < 0 ? [] : new string?[(max + 1) * (max + 1)];
    }

    /// <summary>Where the pair's text is kept, or -1 when it is not kept.</summary>
    public int IndexOf(decimal first, decimal second)
    {
        var a = VietnameseNumbers.SmallWhole(first);
        var b = VietnameseNumbers.SmallWhole(second);
        return a >= 0 && b >= 0 && a <= max && b <= max ? (a * (max + 1)) + b : -1;
    }

    // Several threads may make the same text at once; either copy is right, and a reference write is atomic.
    public string? this[int index]
    {
        get => texts[index];
        set => texts[index] = value;
    }
}
