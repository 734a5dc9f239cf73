namespace CulturalServerless.UnitTests.Reports.Layout;

public sealed class JustificationTests
{
    private static readonly TextStyle Style = new(14);
    private readonly LineBreaker _breaker = new(new FixedWidthMeasurer());

    [Fact]
    public void A_justified_line_ends_exactly_at_the_right_edge_with_equal_gaps()
    {
        var line = _breaker.Break("aa bb cc dd eeeee", Style, 14)[0];

        var offsets = line.WordOffsets(TextAlignment.Justify, 14);

        // 8 units of letters, 3 gaps sharing the other 6.
        Assert.Equal([0.0, 4.0, 8.0, 12.0], offsets);
        Assert.Equal(14, offsets[^1] + line.WordWidths[^1]);
    }

    [Fact]
    public void Justification_keeps_the_first_line_indent()
    {
        var line = _breaker.Break("aa bb cc dd eeeee", Style, 16, firstLineIndent: 2)[0];

        var offsets = line.WordOffsets(TextAlignment.Justify, 16);

        Assert.Equal(2, offsets[0]);
        Assert.Equal(16, offsets[^1] + line.WordWidths[^1], precision: 9);
    }

    [Fact]
    public void The_last_line_of_a_paragraph_is_set_with_plain_spaces()
    {
        var lines = _breaker.Break("aa bb cc dd ee ff", Style, 12);

        Assert.Equal(["aa bb cc dd", "ee ff"], lines.Select(line => line.Text));
        Assert.Equal(12, lines[0].WordOffsets(TextAlignment.Justify, 12)[^1] + 2, precision: 9);
        Assert.Equal([0.0, 3.0], lines[1].WordOffsets(TextAlignment.Justify, 12));
    }

    [Fact]
    public void Centred_and_right_aligned_lines_share_out_the_slack()
    {
        var line = _breaker.Break("abc", Style, 10)[0];

        Assert.Equal([3.5], line.WordOffsets(TextAlignment.Center, 10));
        Assert.Equal([7.0], line.WordOffsets(TextAlignment.Right, 10));
        Assert.Equal([0.0], line.WordOffsets(TextAlignment.Left, 10));
    }
}
