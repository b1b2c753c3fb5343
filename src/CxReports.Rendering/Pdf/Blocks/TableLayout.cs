using CxReports.Rendering.Pdf.Layout;
using CxReports.Rendering.Pdf.Style;

namespace CxReports.Rendering.Pdf.Blocks;

/// <summary>
/// Column widths, header lines and row height of a table at a width: columns as wide as their widest cell, headers
/// wrapping, the type shrinking a little (down to 6.5 pt) before long text cells are cut with an ellipsis.
/// </summary>
public sealed class TableLayout
{
    public const float PadX = 5f;
    public const float PadY = 3.6f;
    public const float BarWidth = 42f;
    private const float MaxHeaderWidth = 120f;
    private static readonly float[] Sizes = [Theme.TableText, 8f, 7.5f, 7f, 6.5f];

    private TableLayout(TextStyle text, TextStyle header, float[] widths, IReadOnlyList<string>[] headerLines)
    {
        Text = text;
        Header = header;
        Widths = widths;
        HeaderLines = headerLines;
        var lines = headerLines.Max(h => h.Count);
        HeaderHeight = lines * header.LineHeight + 2 * PadY;
        RowHeight = text.LineHeight + 2 * PadY;
    }

    public TextStyle Text { get; }
    public TextStyle Header { get; }
    public float[] Widths { get; }
    public IReadOnlyList<string>[] HeaderLines { get; }
    public float HeaderHeight { get; }
    public float RowHeight { get; }
    public float TotalWidth => Widths.Sum();

    public static TableLayout For(TableData data, float width)
    {
        foreach (var size in Sizes)
        {
            var text = TextStyle.Regular(size);
            var header = TextStyle.Strong(size, Theme.Accent);
            var natural = Natural(data, text, header);
            if (natural.Sum() <= width || size == Sizes[^1]) return Build(data, text, header, Fit(data, natural, width));
        }
        throw new InvalidOperationException("unreachable");
    }

    private static float[] Natural(TableData data, TextStyle text, TextStyle header) =>
        data.Columns.Select((column, i) =>
        {
            var cells = data.Rows.Count == 0 ? 0 : data.Rows.Max(r => i < r.Length ? text.Measure(r[i].Text) : 0);
            if (column.Kind == CellKind.Bar) cells += BarWidth + 6f;
            if (column.Kind == CellKind.Badge) cells += 10f;
            var longestWord = column.Header.Split(' ').Max(w => header.Measure(w));
            var wholeHeader = Math.Min(header.Measure(column.Header), MaxHeaderWidth);
            return Math.Max(cells, Math.Max(longestWord, Math.Min(wholeHeader, Math.Max(cells, 60f)))) + 2 * PadX;
        }).ToArray();

    /// <summary>Spreads spare width over the columns, or takes the excess from text columns when too wide.</summary>
    private static float[] Fit(TableData data, float[] natural, float width)
    {
        var total = natural.Sum();
        if (total <= width)
        {
            // Narrow tables stay narrow (half the width) so numbers sit near their labels; the rest fill the width.
            var target = total <= width * 0.5f ? width * 0.5f : width;
            return natural.Select(w => w * target / total).ToArray();
        }
        var excess = total - width;
        var text = Enumerable.Range(0, natural.Length).Where(i => !data.Columns[i].RightAligned).ToList();
        var shrinkable = text.Sum(i => Math.Max(0, natural[i] - 50f));
        var widths = (float[])natural.Clone();
        if (shrinkable > 0)
            foreach (var i in text) widths[i] -= Math.Min(excess, shrinkable) * Math.Max(0, natural[i] - 50f) / shrinkable;
        var remaining = widths.Sum();
        return remaining <= width ? widths : widths.Select(w => w * width / remaining).ToArray();
    }

    private static TableLayout Build(TableData data, TextStyle text, TextStyle header, float[] widths)
    {
        var lines = data.Columns.Select((c, i) => TextWrap.Lines(c.Header, header, Math.Max(1, widths[i] - 2 * PadX))).ToArray();
        return new TableLayout(text, header, widths, lines);
    }
}
