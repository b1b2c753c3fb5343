using SkiaSharp;

namespace CxReports.Rendering.Pdf.Layout;

/// <summary>
/// A piece of page content. Layout happens in two steps: <see cref="Measure"/> gives the height the block needs at a
/// width, then <see cref="Draw"/> paints it at a position. Blocks are immutable, so both steps can repeat.
/// </summary>
public interface IBlock
{
    /// <summary>Vertical space above the block when something precedes it on the same page.</summary>
    float SpaceBefore => Style.Theme.BlockGap;

    float Measure(float width);

    void Draw(SKCanvas canvas, float x, float y, float width);
}

/// <summary>A block that may be cut between rows when it does not fit the rest of a page (long tables).</summary>
public interface ISplittableBlock : IBlock
{
    /// <summary>
    /// The part that fits <paramref name="height"/> and the rest, or null when not even a sensible first part fits
    /// (then the block starts on the next page).
    /// </summary>
    (IBlock Head, IBlock Tail)? Split(float width, float height);
}

/// <summary>Starts a new page unless the current one is still empty.</summary>
public sealed class PageBreak : IBlock
{
    public static readonly PageBreak Instance = new();

    public float SpaceBefore => 0;

    public float Measure(float width) => 0;

    public void Draw(SKCanvas canvas, float x, float y, float width) { }
}
