using CxReports.Rendering.Pdf.Layout;
using SkiaSharp;

namespace CxReports.Rendering.Tests.Pdf;

public class PaginatorTests
{
    private sealed class Box(float height, float spaceBefore = 10) : IBlock
    {
        public float SpaceBefore => spaceBefore;
        public float Measure(float width) => height;
        public void Draw(SKCanvas canvas, float x, float y, float width) { }
    }

    /// <summary>Rows of 10 points; splits between rows like a table.</summary>
    private sealed class Rows(int count) : ISplittableBlock
    {
        public int Count => count;
        public float SpaceBefore => 10;
        public float Measure(float width) => count * 10;
        public void Draw(SKCanvas canvas, float x, float y, float width) { }
        public (IBlock Head, IBlock Tail)? Split(float width, float height)
        {
            var fit = (int)(height / 10);
            return fit < 1 || fit >= count ? null : (new Rows(fit), new Rows(count - fit));
        }
    }

    [Fact]
    public void Blocks_that_fit_share_a_page_with_the_gap_between_them_and_none_at_the_top()
    {
        var pages = Paginator.Paginate([new Box(30), new Box(40)], 100, 100);

        var page = Assert.Single(pages);
        Assert.Equal([0f, 40f], page.Select(p => p.Y));
    }

    [Fact]
    public void A_block_that_does_not_fit_moves_whole_to_the_next_page()
    {
        var pages = Paginator.Paginate([new Box(60), new Box(50)], 100, 100);

        Assert.Equal(2, pages.Count);
        Assert.Equal(0f, pages[1][0].Y);
    }

    [Fact]
    public void A_splittable_block_fills_the_page_and_continues_on_the_next()
    {
        // 60 used + 10 gap leaves 30 points: three rows here, seven on the next page.
        var pages = Paginator.Paginate([new Box(60), new Rows(10)], 100, 100);

        Assert.Equal(2, pages.Count);
        Assert.Equal(3, ((Rows)pages[0][1].Block).Count);
        Assert.Equal(7, ((Rows)pages[1][0].Block).Count);
    }

    [Fact]
    public void A_long_splittable_block_spans_as_many_pages_as_it_needs()
    {
        var pages = Paginator.Paginate([new Rows(35)], 100, 100);

        Assert.Equal([10, 10, 10, 5], pages.Select(p => ((Rows)p.Single().Block).Count));
    }

    [Fact]
    public void A_page_break_starts_a_new_page_unless_the_page_is_empty()
    {
        var pages = Paginator.Paginate([PageBreak.Instance, new Box(10), PageBreak.Instance, new Box(10)], 100, 100);

        Assert.Equal(2, pages.Count);
    }

    [Fact]
    public void A_block_taller_than_a_page_gets_a_page_of_its_own()
    {
        var pages = Paginator.Paginate([new Box(10), new Box(150), new Box(10)], 100, 100);

        Assert.Equal([1, 1, 1], pages.Select(p => p.Count));
    }

    [Fact]
    public void A_stack_keeps_a_heading_with_the_first_rows_of_its_table()
    {
        var stack = new StackBlock([new Box(20), new Rows(10)], gap: 0);

        var pages = Paginator.Paginate([new Box(50), stack], 100, 100);

        // 50 + 10 gap leaves 40: the heading (20) and two rows, then eight rows on the next page.
        Assert.Equal(2, pages.Count);
        var head = Assert.IsType<StackBlock>(pages[0][1].Block);
        Assert.Equal(2, ((Rows)head.Parts[1]).Count);
        Assert.Equal(8, ((Rows)pages[1][0].Block).Count);
    }

    [Fact]
    public void A_stack_whose_heading_alone_would_fit_moves_whole()
    {
        var stack = new StackBlock([new Box(20), new Box(30)], gap: 0);

        var pages = Paginator.Paginate([new Box(60), stack], 100, 100);

        Assert.Equal(2, pages.Count);
        Assert.Same(stack, pages[1][0].Block);
    }
}
