namespace CulturalServerless.Reports.Layout;

/// <summary>
/// Places a flow of blocks on pages of one <see cref="PageFrame"/>: spacing (none at the top of a
/// page), keep-with-next for headings, no first line of a paragraph left alone at the foot of a
/// page, footnotes at the foot of the page that refers to them, and tables that continue on the
/// next page under a repeated header.
/// </summary>
public sealed class Paginator(ITextMeasurer measurer, PageFrame frame)
{
    private const double Tolerance = 1e-6;
    private readonly LineBreaker _breaker = new(measurer);

    public IReadOnlyList<LaidOutPage> Paginate(IReadOnlyList<LayoutBlock> blocks)
    {
        var prepared = blocks.Select(Prepare).ToList();
        var run = new PaginationRun(frame, measurer.LineHeight(frame.FootnoteStyle));
        for (var i = 0; i < prepared.Count; i++)
        {
            switch (prepared[i])
            {
                case PreparedParagraph paragraph:
                    run.Place(paragraph, KeepHeight(prepared, i));
                    break;
                case PreparedTable table:
                    run.Place(table);
                    break;
                case ReservedBlock reserved:
                    run.Place(reserved);
                    break;
                case PageBreakBlock:
                    run.BreakPage();
                    break;
            }
        }

        return run.Finish();
    }

    private object Prepare(LayoutBlock block) => block switch
    {
        ParagraphBlock paragraph => new PreparedParagraph(
            paragraph,
            _breaker.Break(paragraph.Text, paragraph.Style, frame.Width - paragraph.LeftIndent, paragraph.FirstLineIndent),
            measurer.LineHeight(paragraph.Style),
            paragraph.Footnotes
                .Select(note => _breaker.Break(note, frame.FootnoteStyle, frame.Width))
                .ToList()),
        TableBlock table => new PreparedTable(
            table,
            PrepareRow(table, table.Header),
            table.Rows.Select(row => PrepareRow(table, row)).ToList()),
        _ => block,
    };

    private PreparedRow PrepareRow(TableBlock table, TableRow row)
    {
        var cells = new List<IReadOnlyList<TextLine>>(table.Columns.Count);
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var text = c < row.Cells.Count ? row.Cells[c] : string.Empty;
            var innerWidth = Math.Max(1, table.Columns[c].Width - (2 * table.CellPadding));
            cells.Add(_breaker.Break(text, row.Style, innerWidth));
        }

        return new PreparedRow(row.Style, cells, measurer.LineHeight(row.Style), table.CellPadding);
    }

    // A heading (or a run of headings) needs room for itself and the start of what follows it.
    private static double KeepHeight(List<object> prepared, int index)
    {
        var height = 0.0;
        var i = index;
        while (i < prepared.Count && prepared[i] is PreparedParagraph { Block.KeepWithNext: true } heading)
        {
            height += (i > index ? heading.Block.SpaceBefore : 0) + heading.Height + heading.Block.SpaceAfter;
            i++;
        }

        if (i == index || i >= prepared.Count)
        {
            return height;
        }

        return height + prepared[i] switch
        {
            PreparedParagraph next => next.Block.SpaceBefore + (Math.Min(2, next.Lines.Count) * next.LineHeight),
            PreparedTable table => table.Block.SpaceBefore + table.Header.Height + table.FirstRowMinimum,
            ReservedBlock reserved => reserved.SpaceBefore + reserved.Height,
            _ => 0,
        };
    }

    internal sealed record PreparedParagraph(
        ParagraphBlock Block,
        IReadOnlyList<TextLine> Lines,
        double LineHeight,
        IReadOnlyList<IReadOnlyList<TextLine>> Footnotes)
    {
        public double Height => Lines.Count * LineHeight;
    }

    internal sealed record PreparedTable(TableBlock Block, PreparedRow Header, IReadOnlyList<PreparedRow> Rows)
    {
        public double FirstRowMinimum => Rows.Count == 0 ? 0 : Rows[0].SliceHeight(1);
    }

    internal sealed record PreparedRow(
        TextStyle Style,
        IReadOnlyList<IReadOnlyList<TextLine>> Cells,
        double LineHeight,
        double Padding)
    {
        /// <summary>An empty row still takes one line.</summary>
        public int LineCount { get; } = Math.Max(1, Cells.Max(cell => cell.Count));

        public double Height => SliceHeight(LineCount);

        public double SliceHeight(int lines) => (lines * LineHeight) + (2 * Padding);
    }

    private sealed class PaginationRun(PageFrame frame, double footnoteLineHeight)
    {
        private readonly List<LaidOutPage> _pages = [];
        private readonly List<IReadOnlyList<TextLine>> _footnotes = [];
        private LaidOutPage _page = new(0);
        private double _y;
        private double _footnoteHeight;

        private double Bottom => frame.Height - _footnoteHeight;

        public void Place(PreparedParagraph paragraph, double keepHeight)
        {
            var block = paragraph.Block;
            if (paragraph.Lines.Count == 0)
            {
                return;
            }

            SpaceBefore(block.SpaceBefore);
            if (block.KeepWithNext && !Fits(keepHeight))
            {
                BreakPage();
            }
            else if (paragraph.Lines.Count > 1 && Fits(paragraph.LineHeight) && !Fits(2 * paragraph.LineHeight))
            {
                // A lone first line at the foot of a page (an orphan) reads badly.
                BreakPage();
            }

            var width = frame.Width - block.LeftIndent;
            for (var i = 0; i < paragraph.Lines.Count; i++)
            {
                var isLast = i == paragraph.Lines.Count - 1;
                var footnotes = isLast ? FootnoteCost(paragraph.Footnotes) : 0;
                if (!Fits(paragraph.LineHeight + footnotes))
                {
                    BreakPage();
                    footnotes = isLast ? FootnoteCost(paragraph.Footnotes) : 0;
                }

                _page.Lines.Add(new PlacedLine(paragraph.Lines[i], block.Style, block.Alignment, block.LeftIndent, _y, width));
                _y += paragraph.LineHeight;
                if (footnotes > 0)
                {
                    _footnotes.AddRange(paragraph.Footnotes);
                    _footnoteHeight += footnotes;
                }
            }

            _y += block.SpaceAfter;
        }

        public void Place(PreparedTable table)
        {
            SpaceBefore(table.Block.SpaceBefore);
            // The header must not stay behind alone: take the first row with it, whole if a page can hold it.
            var firstRow = table.Rows.Count == 0 ? 0
                : table.Header.Height + table.Rows[0].Height <= frame.Height ? table.Rows[0].Height
                : table.FirstRowMinimum;
            if (!Fits(table.Header.Height + firstRow))
            {
                BreakPage();
            }

            PlaceRow(table, table.Header, 0, table.Header.LineCount);
            foreach (var row in table.Rows)
            {
                var from = 0;
                while (from < row.LineCount)
                {
                    var remaining = row.LineCount - from;
                    var fitting = (int)Math.Floor((Bottom - _y - (2 * row.Padding) + Tolerance) / row.LineHeight);
                    if (fitting >= remaining)
                    {
                        PlaceRow(table, row, from, remaining);
                        break;
                    }

                    var fitsOnFreshPage = table.Header.Height + row.Height <= frame.Height + Tolerance;
                    var onlyHeaderHere = _y <= table.Header.Height + Tolerance;
                    if (onlyHeaderHere)
                    {
                        // Even a fresh page cannot take the row: split it by lines, at least one.
                        var slice = Math.Max(1, fitting);
                        PlaceRow(table, row, from, slice);
                        from += slice;
                    }
                    else if (!fitsOnFreshPage && fitting >= 1)
                    {
                        PlaceRow(table, row, from, fitting);
                        from += fitting;
                    }

                    if (from < row.LineCount)
                    {
                        BreakPage();
                        PlaceRow(table, table.Header, 0, table.Header.LineCount);
                    }
                }
            }
        }

        public void Place(ReservedBlock reserved)
        {
            SpaceBefore(reserved.SpaceBefore);
            if (!Fits(reserved.Height))
            {
                BreakPage();
            }

            _page.Reserved.Add(new PlacedReserve(reserved.Name, _y, reserved.Height));
            _y += reserved.Height;
        }

        public void BreakPage()
        {
            if (_page.IsEmpty)
            {
                return;
            }

            ClosePage();
            _page = new LaidOutPage(_pages.Count);
            _y = 0;
        }

        public IReadOnlyList<LaidOutPage> Finish()
        {
            if (!_page.IsEmpty || _pages.Count == 0)
            {
                ClosePage();
            }

            return _pages;
        }

        // An empty page takes anything: what cannot fit there cannot fit anywhere, and looping
        // over ever-new pages would never end.
        private bool Fits(double height) => _page.IsEmpty || _y + height <= Bottom + Tolerance;

        private void SpaceBefore(double space)
        {
            if (!_page.IsEmpty)
            {
                _y += space;
            }
        }

        private double FootnoteCost(IReadOnlyList<IReadOnlyList<TextLine>> footnotes)
        {
            if (footnotes.Count == 0)
            {
                return 0;
            }

            var lines = footnotes.Sum(note => note.Count);
            return (_footnotes.Count == 0 ? frame.FootnoteGap : 0) + (lines * footnoteLineHeight);
        }

        private void PlaceRow(PreparedTable table, PreparedRow row, int from, int count)
        {
            var height = row.SliceHeight(count);
            var x = 0.0;
            for (var c = 0; c < table.Block.Columns.Count; c++)
            {
                var column = table.Block.Columns[c];
                _page.Boxes.Add(new PlacedBox(x, _y, column.Width, height));
                var cell = row.Cells[c];
                for (var l = from; l < Math.Min(cell.Count, from + count); l++)
                {
                    var top = _y + row.Padding + ((l - from) * row.LineHeight);
                    var alignment = ReferenceEquals(row, table.Header) ? table.Block.HeaderAlignment ?? column.Alignment : column.Alignment;
                    _page.Lines.Add(new PlacedLine(
                        cell[l], row.Style, alignment, x + row.Padding, top, column.Width - (2 * row.Padding)));
                }

                x += column.Width;
            }

            _y += height;
        }

        private void ClosePage()
        {
            if (_footnotes.Count > 0)
            {
                var top = frame.Height - _footnoteHeight;
                _page.FootnoteRuleY = top + (frame.FootnoteGap / 2);
                var y = top + frame.FootnoteGap;
                foreach (var line in _footnotes.SelectMany(note => note))
                {
                    _page.FootnoteLines.Add(new PlacedLine(line, frame.FootnoteStyle, TextAlignment.Justify, 0, y, frame.Width));
                    y += footnoteLineHeight;
                }
            }

            _pages.Add(_page);
            _footnotes.Clear();
            _footnoteHeight = 0;
        }
    }
}
