using CxReports.Dsl.Model;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Charts;

/// <summary>
/// One line, bar group or stack layer: a name, the label of the metric it draws, one value (or null) per category,
/// and what the values mean; its colour (<see cref="SeriesColors"/>), and for a series of a split the value it
/// stands for (<see cref="Key"/>) or whether it gathers the smaller ones (<see cref="IsOther"/>).
/// </summary>
public sealed record ChartSeries(string Name, string Metric, double?[] Values, Meaning Meaning)
{
    public Unit Unit => Meaning.Unit;

    public string? Key { get; init; }

    /// <summary>The margin of error of each value (drawn as a band around the series), when the table carries one.</summary>
    public double?[]? Margin { get; init; }

    public bool IsOther { get; init; }

    public SKColor Color { get; init; } = Theme.Neutral;
}

/// <summary>
/// A result table shaped for plotting: the categories along x (time buckets or text values) and the series. A second
/// text dimension ("by month, channel") becomes one series per value. A margin of error of a plotted metric (its
/// column says so: <see cref="ResultColumn.MarginOf"/>) goes with that metric's series. A series without a single value is left out
/// (a legend never names a line of blanks) and named in a note; series beyond the palette are capped
/// (<see cref="SeriesCap"/>); each series gets its colour by meaning (<see cref="SeriesColors"/>).
/// </summary>
public sealed record ChartData(ResultColumn? X, bool IsTime, TimeUnit Grain, IReadOnlyList<object> Categories, IReadOnlyList<ChartSeries> Series)
{
    public bool IsEmpty => Categories.Count == 0 || Series.All(s => s.Values.All(v => v is null));

    /// <summary>What the reader must know that the plot does not show: series left out, grouped or without data.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Per category, whether its bucket is partial (drawn hollow, dashed or pale); null when none is.</summary>
    public IReadOnlyList<bool>? Partial { get; init; }

    public bool IsPartial(int category) => Partial is { } partial && partial[category];

    public static ChartData From(ResultTable table, ValueFormatter format)
    {
        var dimensions = table.Columns.TakeWhile(c => c.Type is ColumnType.Date or ColumnType.Text or ColumnType.Boolean).ToList();
        var numbers = table.Columns.Skip(dimensions.Count).Where(c => c.Type is ColumnType.Number or ColumnType.Integer).ToList();
        // A margin of error whose metric is plotted too is drawn around it, not as a series of its own.
        var margins = numbers.Where(c => c.MarginOf is { } of && numbers.Any(m => m.Name == of && m.MarginOf is null)).ToList();
        var metrics = numbers.Except(margins).ToList();
        if (dimensions.Count == 0)
        {
            // No dimension: one bar per metric.
            var row = table.Rows.FirstOrDefault();
            var bars = new ChartSeries("", "", metrics.Select(m => row is null ? null : ToDouble(row[table.IndexOf(m.Name)])).ToArray(),
                metrics.Count > 0 && metrics.All(m => m.Unit == metrics[0].Unit) ? Meaning.Of(metrics[0].Unit) : Meaning.None) { Color = Theme.Series[0] };
            return new ChartData(null, false, TimeUnit.Day, metrics.Select(m => (object)Headings.Of(m, format)).ToList(), [bars]);
        }
        var x = dimensions[0];
        var xi = table.IndexOf(x.Name);
        var categories = table.Rows.Select(r => r[xi]).Where(v => v is not null).Distinct().Cast<object>().ToList();
        if (x.Type == ColumnType.Date) categories.Sort((a, b) => Comparer<object>.Default.Compare(a, b));
        var position = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var split = dimensions.Count > 1 ? dimensions[1] : null;
        var series = new List<ChartSeries>();
        var groups = split is null
            ? [(Key: (object?)null, Rows: table.Rows.ToList())]
            : table.Rows.GroupBy(r => r[table.IndexOf(split.Name)]).Select(g => (Key: g.Key, Rows: g.ToList())).ToList();
        var notes = new List<string>();
        foreach (var metric in metrics)
        {
            var mi = table.IndexOf(metric.Name);
            var margin = margins.FirstOrDefault(m => m.MarginOf == metric.Name);
            if (margin is not null) notes.Add(string.Format(format.Culture, format.Text.MarginBand, Headings.Of(margin, format)));
            foreach (var (key, rows) in groups)
            {
                var values = new double?[categories.Count];
                var errors = margin is null ? null : new double?[categories.Count];
                foreach (var r in rows)
                {
                    if (r[xi] is not { } c) continue;
                    values[position[c]] = ToDouble(r[mi]);
                    if (errors is not null) errors[position[c]] = ToDouble(r[table.IndexOf(margin!.Name)]);
                }
                // A series of a labelled column is named by the label of its code.
                var value = split?.LabelOf(key) ?? Convert.ToString(key, format.Culture);
                var name = key is null ? Headings.Of(metric, format)
                    : metrics.Count == 1 ? value ?? "–"
                    : $"{value} · {Headings.Of(metric, format)}";
                series.Add(new ChartSeries(name, Headings.Of(metric, format), values, metric.Meaning)
                {
                    Key = key is null ? null : Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture),
                    Margin = errors,
                });
            }
        }
        var blank = series.Where(s => s.Values.All(v => v is null)).ToList();
        if (blank.Count > 0 && blank.Count < series.Count)
        {
            notes.Add($"{format.Text.NoData}: {string.Join(", ", blank.Select(s => s.Name))}");
            series.RemoveAll(blank.Contains);
        }
        var shown = SeriesColors.Assign(SeriesCap.Apply(series, split is not null, format, notes), split is not null, split?.Levels);
        return new ChartData(x, x.Type == ColumnType.Date, (x.Grain ?? TimeUnit.Day), categories, shown) {
            Notes = notes,
            Partial = table.Partial is { } partial
                ? categories.Select(c => table.Rows.Where((r, i) => partial[i] && Equals(r[xi], c)).Any()).ToArray()
                : null,
        };
    }

    private static double? ToDouble(object? value) => value switch
    {
        null => null,
        double d when double.IsFinite(d) => d,
        double => null,
        long l => l,
        int i => i,
        decimal m => (double)m,
        _ => null,
    };
}
