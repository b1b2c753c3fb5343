using SkiaSharp;

namespace CxReports.Rendering.Pdf.Layout;

/// <summary>
/// Blocks kept together on one page, one under the other (a heading with the block it introduces, a title with its
/// chart). When the last part can split, the stack splits there, so a heading stays with the first rows of its table.
/// </summary>
public sealed class StackBlock(IReadOnlyList<IBlock> parts, float gap = 6f, float? spaceBefore = null) : ISplittableBlock
{
    public IReadOnlyList<IBlock> Parts { get; } = parts;

    public float SpaceBefore => spaceBefore ?? Parts.FirstOrDefault()?.SpaceBefore ?? Style.Theme.BlockGap;

    public float Measure(float width) =>
        Parts.Sum(p => p.Measure(width)) + gap * Math.Max(0, Parts.Count - 1);

    public void Draw(SKCanvas canvas, float x, float y, float width)
    {
        foreach (var part in Parts)
        {
            part.Draw(canvas, x, y, width);
            y += part.Measure(width) + gap;
        }
    }

    public (IBlock Head, IBlock Tail)? Split(float width, float height)
    {
        if (Parts.Count == 0 || Parts[^1] is not ISplittableBlock last) return null;
        var leading = Parts.Take(Parts.Count - 1).ToList();
        var used = leading.Sum(p => p.Measure(width) + gap);
        if (used >= height) return null;
        if (last.Split(width, height - used) is not var (head, tail)) return null;
        return (new StackBlock([.. leading, head], gap, spaceBefore), tail);
    }
}
