using CxReports.Rendering.Pdf.Layout;
using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Blocks;

/// <summary>One KPI as printed: label, value (or "no data"), change line in its direction colour, comparison line.</summary>
public sealed record KpiTile(string Label, string Value, bool HasValue, string? Change, SKColor ChangeColor, string? Comparison);

/// <summary>KPI tiles in rows of up to four (five on wide pages), all rows kept together.</summary>
public sealed class KpiTilesBlock(IReadOnlyList<KpiTile> tiles) : IBlock
{
    private static readonly TextStyle LabelStyle = TextStyle.Strong(Theme.Small + 0.5f, Theme.Muted);
    private static readonly TextStyle ValueStyle = TextStyle.Strong(Theme.KpiValue);
    private static readonly TextStyle NoDataStyle = TextStyle.Regular(Theme.Body + 2f, Theme.Neutral);
    private static readonly TextStyle ChangeStyle = TextStyle.Strong(Theme.Small + 0.5f);
    private static readonly TextStyle ComparisonStyle = TextStyle.Regular(Theme.Small, Theme.Muted);
    private const float Gap = 8f;
    private const float Pad = 9f;

    public float Measure(float width)
    {
        var rows = (tiles.Count + PerRow(width) - 1) / PerRow(width);
        return rows * TileHeight(width) + Math.Max(0, rows - 1) * Gap;
    }

    public void Draw(SKCanvas canvas, float x, float y, float width)
    {
        var perRow = PerRow(width);
        var tileWidth = TileWidth(width);
        var height = TileHeight(width);
        var labelLines = LabelLines(width);
        for (var i = 0; i < tiles.Count; i++)
        {
            var tx = x + i % perRow * (tileWidth + Gap);
            var ty = y + i / perRow * (height + Gap);
            DrawTile(canvas, tiles[i], tx, ty, tileWidth, height, labelLines);
        }
    }

    private float TileHeight(float width) =>
        2 * Pad + LabelLines(width) * LabelStyle.LineHeight + 3f + ValueStyle.LineHeight + 2f + ChangeStyle.LineHeight + ComparisonStyle.LineHeight;

    /// <summary>Labels may take two lines; every tile of the block gets the same height.</summary>
    private int LabelLines(float width) =>
        tiles.Select(t => Math.Min(2, TextWrap.Lines(t.Label, LabelStyle, TileWidth(width) - 2 * Pad).Count)).DefaultIfEmpty(1).Max();

    /// <summary>Tiles keep one width (four to a row, five on wide pages) however many a block has.</summary>
    private static int PerRow(float width) => width > 700 ? 5 : 4;

    private static float TileWidth(float width) => (width - (PerRow(width) - 1) * Gap) / PerRow(width);

    private static void DrawTile(SKCanvas canvas, KpiTile tile, float x, float y, float width, float height, int labelLines)
    {
        canvas.DrawRoundRect(SKRect.Create(x, y, width, height), 4f, 4f, TextStyle.PaintFor(Theme.TileBackground));
        canvas.DrawRect(x, y + 4f, 2.5f, height - 8f, TextStyle.PaintFor(Theme.Accent));
        var inner = width - 2 * Pad;
        var left = x + Pad;
        var ty = y + Pad;
        var label = TextWrap.Lines(tile.Label, LabelStyle, inner);
        for (var i = 0; i < Math.Min(labelLines, label.Count); i++)
        {
            var line = i == labelLines - 1 && label.Count > labelLines ? string.Join(" ", label.Skip(i)) : label[i];
            LabelStyle.Draw(canvas, LabelStyle.Fit(line, inner), left, ty + i * LabelStyle.LineHeight);
        }
        ty += labelLines * LabelStyle.LineHeight + 3f;
        if (tile.HasValue)
        {
            var style = ValueStyle;
            while (style.Measure(tile.Value) > inner && style.Size > 11f) style = style with { Size = style.Size - 1f };
            style.Draw(canvas, style.Fit(tile.Value, inner), left, ty + (ValueStyle.Size - style.Size) * 0.8f);
        }
        else
        {
            NoDataStyle.Draw(canvas, tile.Value, left, ty + (ValueStyle.Size - NoDataStyle.Size) * 0.7f);
        }
        ty += ValueStyle.LineHeight + 2f;
        if (tile.Change is { } change) ChangeStyle.With(tile.ChangeColor).Draw(canvas, ChangeStyle.Fit(change, inner), left, ty);
        ty += ChangeStyle.LineHeight;
        if (tile.Comparison is { } comparison) ComparisonStyle.Draw(canvas, ComparisonStyle.Fit(comparison, inner), left, ty);
    }
}
