namespace CulturalServerless.UnitTests.Reports.Layout;

public sealed class PaginatorTests
{
    private const double LineHeight = FixedWidthMeasurer.LineHeightUnits;
    private static readonly TextStyle Body = new(14);

    private static IReadOnlyList<LaidOutPage> Paginate(double width, double height, params LayoutBlock[] blocks) =>
        new Paginator(new FixedWidthMeasurer(), new PageFrame(width, height, new TextStyle(10)) { FootnoteGap = 4 })
            .Paginate(blocks);

    private static ParagraphBlock Lines(int count, string word = "w") =>
        new(string.Join(' ', Enumerable.Range(0, count).Select(i => $"{word}{i % 10}")), Body);

    [Fact]
    public void A_paragraph_longer_than_the_page_continues_on_the_next()
    {
        var pages = Paginate(2, 30, Lines(5));

        Assert.Equal([3, 2], pages.Select(page => page.Lines.Count));
        Assert.Equal([0.0, 10.0, 20.0], pages[0].Lines.Select(line => line.Y));
        Assert.Equal([0.0, 10.0], pages[1].Lines.Select(line => line.Y));
    }

    [Fact]
    public void Space_before_is_dropped_at_the_top_of_a_page()
    {
        var pages = Paginate(2, 40, Lines(3), Lines(2) with { SpaceBefore = 6 }, Lines(1) with { SpaceBefore = 6 });

        Assert.Equal(0, pages[1].Lines[0].Y);
        Assert.Equal(26, pages[1].Lines[2].Y);
    }

    [Fact]
    public void A_heading_that_would_end_a_page_moves_to_the_next_with_its_paragraph()
    {
        var heading = new ParagraphBlock("H", Body) { KeepWithNext = true };

        var pages = Paginate(2, 50, Lines(3), heading, Lines(3));

        Assert.Equal(3, pages[0].Lines.Count);
        Assert.Equal("H", pages[1].Lines[0].Line.Text);
    }

    [Fact]
    public void A_heading_stays_when_the_first_two_lines_of_its_paragraph_fit()
    {
        var heading = new ParagraphBlock("H", Body) { KeepWithNext = true };

        var pages = Paginate(2, 60, Lines(3), heading, Lines(3));

        Assert.Equal(["w0", "w1", "w2", "H", "w0", "w1"], pages[0].Lines.Select(line => line.Line.Text));
    }

    [Fact]
    public void The_first_line_of_a_paragraph_is_not_left_alone_at_the_foot_of_a_page()
    {
        var pages = Paginate(2, 40, Lines(3), Lines(3, "x"));

        Assert.Equal(3, pages[0].Lines.Count);
        Assert.Equal("x0", pages[1].Lines[0].Line.Text);
    }

    [Fact]
    public void A_page_break_starts_a_new_page_but_never_an_empty_one()
    {
        var pages = Paginate(2, 100, new PageBreakBlock(), Lines(1), new PageBreakBlock(), new PageBreakBlock(), Lines(1));

        Assert.Equal(2, pages.Count);
        Assert.All(pages, page => Assert.Single(page.Lines));
    }

    [Fact]
    public void A_reserved_block_is_kept_whole()
    {
        var pages = Paginate(2, 50, Lines(3), new ReservedBlock("closing", 25));

        Assert.Empty(pages[0].Reserved);
        Assert.Equal(new PlacedReserve("closing", 0, 25), Assert.Single(pages[1].Reserved));
    }

    [Fact]
    public void A_footnote_goes_to_the_foot_of_the_page_where_its_paragraph_ends()
    {
        var noted = Lines(2) with { Footnotes = ["n1 n2"] };

        var pages = Paginate(5, 100, noted);

        var page = Assert.Single(pages);
        var note = Assert.Single(page.FootnoteLines);
        Assert.Equal("n1 n2", note.Line.Text);
        Assert.Equal(90, note.Y);
        Assert.Equal(88, page.FootnoteRuleY);
    }

    [Fact]
    public void The_room_a_footnote_needs_pushes_its_line_to_the_next_page()
    {
        // Four lines of text would fit, but the note (4 + 10 units) would then overlap the last.
        var noted = Lines(4) with { Footnotes = ["n1"] };

        var pages = Paginate(2, 45, noted);

        Assert.Equal(2, pages.Count);
        Assert.Equal(3, pages[0].Lines.Count);
        Assert.Empty(pages[0].FootnoteLines);
        Assert.Single(pages[1].FootnoteLines);
    }

    [Fact]
    public void A_table_repeats_its_header_on_every_page_it_continues_on()
    {
        var table = Table(rows: 7, cellLines: 1);

        var pages = Paginate(20, 50, table);

        // Rows are 10 + 2 × 1 padding = 12 high: a header and three rows per page.
        Assert.Equal(3, pages.Count);
        Assert.All(pages, page =>
        {
            Assert.Equal("Code", page.Lines[0].Line.Text);
            Assert.Equal(0 + 1, page.Lines[0].Y);
        });
        Assert.Equal(["r0", "r1", "r2", "r3", "r4", "r5", "r6"], pages
            .SelectMany(page => page.Lines)
            .Where(line => line.Line.Text.StartsWith('r'))
            .Select(line => line.Line.Text));
    }

    [Fact]
    public void A_table_row_moves_whole_to_the_next_page_when_a_page_can_hold_it()
    {
        var table = Table(rows: 2, cellLines: 2);

        var pages = Paginate(20, 50, table);

        // Header 12 + row 22 = 34; the second row (22) does not fit in the 16 left.
        Assert.Equal(2, pages.Count);
        Assert.Equal(4, pages[0].Boxes.Count);
        Assert.Equal(["Code", "r1"], pages[1].Lines.Where(line => line.X < 5).Select(line => line.Line.Text).Take(2));
    }

    [Fact]
    public void A_row_taller_than_a_page_is_split_by_lines_under_repeated_headers()
    {
        var table = Table(rows: 1, cellLines: 9);

        var pages = Paginate(20, 50, table);

        // 50 - 12 (header) - 2 (padding) leaves room for 3 lines of the row per page.
        Assert.Equal(3, pages.Count);
        Assert.All(pages, page => Assert.Equal("Code", page.Lines[0].Line.Text));
        Assert.Equal(9, pages.Sum(page => page.Lines.Count(line => line.Line.Text.StartsWith('l'))));
    }

    [Fact]
    public void A_table_header_is_never_left_alone_at_the_foot_of_a_page()
    {
        // 10 + header 12 + row 32 does not fit in 50; header and row together move on.
        var pages = Paginate(20, 50, new ParagraphBlock("x", Body), Table(rows: 1, cellLines: 3));

        Assert.Equal("x", Assert.Single(pages[0].Lines).Line.Text);
        Assert.Equal("Code", pages[1].Lines[0].Line.Text);
    }

    private static TableBlock Table(int rows, int cellLines)
    {
        var columns = new[] { new TableColumn(8, TextAlignment.Left), new TableColumn(12, TextAlignment.Left) };
        var header = new TableRow(["Code", "Text"], Body with { Bold = true });
        var body = Enumerable.Range(0, rows)
            .Select(i => new TableRow(
                [$"r{i}", string.Join(' ', Enumerable.Range(0, cellLines).Select(l => $"l{l}{new string('.', 7)}"))],
                Body))
            .ToList();
        return new TableBlock(columns, header, body) { CellPadding = 1 };
    }
}
