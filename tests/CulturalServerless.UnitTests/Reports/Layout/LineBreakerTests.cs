namespace CulturalServerless.UnitTests.Reports.Layout;

public sealed class LineBreakerTests
{
    private static readonly TextStyle Style = new(14);
    private readonly LineBreaker _breaker = new(new FixedWidthMeasurer());

    [Fact]
    public void Breaks_at_the_last_space_that_fits()
    {
        var lines = _breaker.Break("aaa bbb ccc", Style, 7);

        Assert.Equal(["aaa bbb", "ccc"], lines.Select(line => line.Text));
        Assert.Equal([false, true], lines.Select(line => line.EndsParagraph));
    }

    [Fact]
    public void A_line_exactly_as_wide_as_the_box_fits()
    {
        var lines = _breaker.Break("aaa bbb", Style, 7);

        Assert.Single(lines);
        Assert.Equal(7, lines[0].NaturalWidth);
    }

    [Fact]
    public void First_line_indent_narrows_only_the_first_line()
    {
        var lines = _breaker.Break("aaa bbb ccc", Style, 7, firstLineIndent: 2);

        Assert.Equal(["aaa", "bbb ccc"], lines.Select(line => line.Text));
        Assert.Equal([2.0, 0.0], lines.Select(line => line.Indent));
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_where_it_fills_the_line()
    {
        var lines = _breaker.Break("xx abcdefghij", Style, 4);

        Assert.Equal(["xx", "abcd", "efgh", "ij"], lines.Select(line => line.Text));
        Assert.All(lines, line => Assert.True(line.NaturalWidth <= 4));
    }

    [Fact]
    public void A_cut_word_never_splits_a_letter_from_its_combining_mark()
    {
        // "é" written decomposed is two characters, two units wide here: a 3-unit line holds one.
        var word = string.Concat(Enumerable.Repeat("e\u0301", 3));

        var lines = _breaker.Break(word, Style, 3);

        Assert.Equal(["e\u0301", "e\u0301", "e\u0301"], lines.Select(line => line.Text));
    }

    [Fact]
    public void A_line_break_in_the_text_forces_a_new_unstretched_line()
    {
        var lines = _breaker.Break("a b\nc", Style, 100, firstLineIndent: 5);

        Assert.Equal(["a b", "c"], lines.Select(line => line.Text));
        Assert.All(lines, line => Assert.True(line.EndsParagraph));
        Assert.Equal([5.0, 0.0], lines.Select(line => line.Indent));
    }

    [Fact]
    public void Runs_of_spaces_count_as_one_and_blank_text_gives_no_lines()
    {
        Assert.Equal(["a b"], _breaker.Break("  a    b  ", Style, 100).Select(line => line.Text));
        Assert.Empty(_breaker.Break("   ", Style, 100));
    }
}
