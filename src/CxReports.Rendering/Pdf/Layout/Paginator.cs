namespace CxReports.Rendering.Pdf.Layout;

/// <summary>A block placed on a page, <see cref="Y"/> from the top of the content area.</summary>
public sealed record PlacedBlock(IBlock Block, float Y, float Height);

/// <summary>
/// Flows blocks down pages of a content area: a block goes on the current page when it fits, splittable blocks are cut
/// between rows, anything else moves whole to the next page (keep-together), and <see cref="PageBreak"/> forces a page.
/// </summary>
public static class Paginator
{
    public static IReadOnlyList<IReadOnlyList<PlacedBlock>> Paginate(IEnumerable<IBlock> blocks, float width, float height)
    {
        var pages = new List<IReadOnlyList<PlacedBlock>>();
        var page = new List<PlacedBlock>();
        var y = 0f;

        void NewPage()
        {
            pages.Add(page);
            page = [];
            y = 0;
        }

        foreach (var original in blocks)
        {
            if (original is PageBreak)
            {
                if (page.Count > 0) NewPage();
                continue;
            }
            var block = original;
            while (true)
            {
                var top = page.Count == 0 ? 0 : y + block.SpaceBefore;
                var needed = block.Measure(width);
                if (top + needed <= height || (page.Count == 0 && block is not ISplittableBlock))
                {
                    // Fits, or is taller than a whole page and cannot be cut: it gets a page of its own.
                    page.Add(new PlacedBlock(block, top, needed));
                    y = top + needed;
                    break;
                }
                if (block is ISplittableBlock splittable && splittable.Split(width, height - top) is var (head, tail))
                {
                    page.Add(new PlacedBlock(head, top, head.Measure(width)));
                    NewPage();
                    block = tail;
                    continue;
                }
                if (page.Count == 0)
                {
                    // Splittable yet nothing fits even an empty page (a single giant row): place it and move on.
                    page.Add(new PlacedBlock(block, 0, needed));
                    y = needed;
                    break;
                }
                NewPage();
            }
        }
        if (page.Count > 0 || pages.Count == 0) pages.Add(page);
        return pages;
    }
}
