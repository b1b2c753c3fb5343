using CxReports.Rendering.Pdf.Layout;
using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Blocks;

/// <summary>A matrix cell: a headline figure in its colour and muted detail lines under it.</summary>
public sealed record MatrixCell(string Headline, SKColor Color, IReadOnlyList<string> Details);

/// <summary>A column or row heading with an optional muted second line (a horizon and its cost).</summary>
public sealed record MatrixHeading(string Title, string? Detail = null);

/// <summary>
/// A small two-way table (the retain-N × horizon scenario): headings across and down, a headline figure and detail
/// lines per cell, zebra rows. Kept together on one page.
/// </summary>
public sealed class MatrixBlock(IReadOnlyList<MatrixHeading> columns, IReadOnlyList<MatrixHeading> rows, MatrixCell?[,] cells) : IBlock
{
    private static readonly TextStyle HeadingStyle = TextStyle.Strong(Theme.TableText, Theme.Accent);
    private static readonly TextStyle DetailStyle = TextStyle.Regular(Theme.Small, Theme.Muted);
    private static readonly TextStyle HeadlineStyle = TextStyle.Strong(Theme.TableText + 0.5f);
    private const float Pad = 5f;
    private const float MaxCellWidth = 120f;

    public IReadOnlyList<MatrixHeading> Columns => columns;

    public IReadOnlyList<MatrixHeading> Rows => rows;

    public MatrixCell? Cell(int row, int column) => cells[row, column];

    public float Measure(float width) => HeaderHeight + rows.Count * RowHeight(width) + 1f;

    public void Draw(SKCanvas canvas, float x, float y, float width)
    {
        var labelWidth = LabelWidth(width);
        var rowHeight = RowHeight(width);
        // Few columns keep their figures near the row headings rather than spread across the page.
        width = Math.Min(width, labelWidth + columns.Count * MaxCellWidth);
        var cellWidth = (width - labelWidth) / Math.Max(1, columns.Count);
        canvas.DrawRect(x, y, width, HeaderHeight, TextStyle.PaintFor(Theme.AccentLight));
        for (var c = 0; c < columns.Count; c++)
        {
            var right = x + labelWidth + (c + 1) * cellWidth - Pad;
            HeadingStyle.Draw(canvas, HeadingStyle.Fit(columns[c].Title, cellWidth - 2 * Pad), right, y + Pad, SKTextAlign.Right);
            if (columns[c].Detail is { } detail)
                DetailStyle.Draw(canvas, DetailStyle.Fit(detail, cellWidth - 2 * Pad), right, y + Pad + HeadingStyle.LineHeight, SKTextAlign.Right);
        }
        y += HeaderHeight;
        canvas.DrawRect(x, y - 0.8f, width, 0.8f, TextStyle.PaintFor(Theme.Accent));
        for (var r = 0; r < rows.Count; r++)
        {
            if (r % 2 == 1) canvas.DrawRect(x, y, width, rowHeight, TextStyle.PaintFor(Theme.Zebra));
            var ly0 = y + Pad;
            foreach (var line in TextWrap.Lines(rows[r].Title, HeadingStyle, labelWidth - 2 * Pad))
            {
                HeadingStyle.With(Theme.Ink).Draw(canvas, HeadingStyle.Fit(line, labelWidth - 2 * Pad), x + Pad, ly0);
                ly0 += HeadingStyle.LineHeight;
            }
            if (rows[r].Detail is { } detail) DetailStyle.Draw(canvas, DetailStyle.Fit(detail, labelWidth - 2 * Pad), x + Pad, ly0);
            for (var c = 0; c < columns.Count; c++)
            {
                if (cells[r, c] is not { } cell) continue;
                var right = x + labelWidth + (c + 1) * cellWidth - Pad;
                HeadlineStyle.With(cell.Color).Draw(canvas, HeadlineStyle.Fit(cell.Headline, cellWidth - 2 * Pad), right, y + Pad, SKTextAlign.Right);
                var ly = y + Pad + HeadlineStyle.LineHeight;
                foreach (var line in cell.Details)
                {
                    DetailStyle.Draw(canvas, DetailStyle.Fit(line, cellWidth - 2 * Pad), right, ly, SKTextAlign.Right);
                    ly += DetailStyle.LineHeight;
                }
            }
            y += rowHeight;
        }
        canvas.DrawRect(x, y, width, 0.6f, TextStyle.PaintFor(Theme.Rule));
    }

    private float HeaderHeight => 2 * Pad + HeadingStyle.LineHeight + (columns.Any(c => c.Detail is not null) ? DetailStyle.LineHeight : 0);

    /// <summary>Row headings wrap in a column of at most a quarter of the width, so the figures get the room.</summary>
    private float LabelWidth(float width) =>
        Math.Min(width * 0.25f, rows.Max(r => Math.Max(HeadingStyle.Measure(r.Title), r.Detail is null ? 0 : DetailStyle.Measure(r.Detail))) + 2 * Pad);

    private float RowHeight(float width)
    {
        var details = 0;
        foreach (var cell in cells) if (cell is not null) details = Math.Max(details, cell.Details.Count);
        var cellHeight = HeadlineStyle.LineHeight + details * DetailStyle.LineHeight;
        var labelWidth = LabelWidth(width) - 2 * Pad;
        var headingHeight = rows.Max(r => TextWrap.Lines(r.Title, HeadingStyle, labelWidth).Count * HeadingStyle.LineHeight
            + (r.Detail is null ? 0 : DetailStyle.LineHeight));
        return 2 * Pad + Math.Max(cellHeight, headingHeight);
    }
}
