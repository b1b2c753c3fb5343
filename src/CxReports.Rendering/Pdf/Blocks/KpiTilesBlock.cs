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
        return rows * TileHeight + Math.Max(0, rows - 1) * Gap;
    }

    public void Draw(SKCanvas canvas, float x, float y, float width)
    {
        var perRow = PerRow(width);
        var tileWidth = (width - (perRow - 1) * Gap) / perRow;
        for (var i = 0; i < tiles.Count; i++)
        {
            var tx = x + i % perRow * (tileWidth + Gap);
            var ty = y + i / perRow * (TileHeight + Gap);
            DrawTile(canvas, tiles[i], tx, ty, tileWidth);
        }
    }

    private static float TileHeight => 2 * Pad + LabelStyle.LineHeight + 3f + ValueStyle.LineHeight + 2f + ChangeStyle.LineHeight + ComparisonStyle.LineHeight;

    private int PerRow(float width) => Math.Max(1, Math.Min(tiles.Count, width > 700 ? 5 : 4));

    private static void DrawTile(SKCanvas canvas, KpiTile tile, float x, float y, float width)
    {
        canvas.DrawRoundRect(SKRect.Create(x, y, width, TileHeight), 4f, 4f, TextStyle.PaintFor(Theme.TileBackground));
        canvas.DrawRect(x, y + 4f, 2.5f, TileHeight - 8f, TextStyle.PaintFor(Theme.Accent));
        var inner = width - 2 * Pad;
        var left = x + Pad;
        var ty = y + Pad;
        foreach (var line in TextWrap.Lines(tile.Label, LabelStyle, inner).Take(1))
            LabelStyle.Draw(canvas, LabelStyle.Fit(line == tile.Label ? line : tile.Label, inner), left, ty);
        ty += LabelStyle.LineHeight + 3f;
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
