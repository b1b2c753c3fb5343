using CxReports.Dsl.Binding.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Rendering.Pdf.Formatting;

namespace CxReports.Rendering.Pdf.Charts;

/// <summary>
/// One line, bar group or stack layer: a name, the label of the metric it draws, one value (or null) per category,
/// and what the values mean.
/// </summary>
public sealed record ChartSeries(string Name, string Metric, double?[] Values, Meaning Meaning)
{
    public Unit Unit => Meaning.Unit;
}

/// <summary>
/// A result table shaped for plotting: the categories along x (time buckets or text values) and the series. A second
/// text dimension ("by month, channel") becomes one series per value.
/// </summary>
public sealed record ChartData(ResultColumn? X, bool IsTime, TimeGrain Grain, IReadOnlyList<object> Categories, IReadOnlyList<ChartSeries> Series)
{
    public bool IsEmpty => Categories.Count == 0 || Series.All(s => s.Values.All(v => v is null));

    /// <summary>Per category, whether its bucket is partial (drawn hollow, dashed or pale); null when none is.</summary>
    public IReadOnlyList<bool>? Partial { get; init; }

    public bool IsPartial(int category) => Partial is { } partial && partial[category];

    public static ChartData From(ResultTable table, ValueFormatter format)
    {
        var dimensions = table.Columns.TakeWhile(c => c.Type is ColumnType.Date or ColumnType.Text or ColumnType.Boolean).ToList();
        var metrics = table.Columns.Skip(dimensions.Count).Where(c => c.Type is ColumnType.Number or ColumnType.Integer).ToList();
        if (dimensions.Count == 0)
        {
            // No dimension: one bar per metric.
            var row = table.Rows.FirstOrDefault();
            return new ChartData(null, false, TimeGrain.Day, metrics.Select(m => (object)Headings.Of(m, format)).ToList(),
                [new ChartSeries("", "", metrics.Select(m => row is null ? null : ToDouble(row[table.IndexOf(m.Name)])).ToArray(),
                    metrics.Count > 0 && metrics.All(m => m.Unit == metrics[0].Unit) ? Meaning.Of(metrics[0].Unit) : Meaning.None)]);
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
        foreach (var metric in metrics)
        {
            var mi = table.IndexOf(metric.Name);
            foreach (var (key, rows) in groups)
            {
                var values = new double?[categories.Count];
                foreach (var r in rows)
                    if (r[xi] is { } c) values[position[c]] = ToDouble(r[mi]);
                var name = key is null ? Headings.Of(metric, format)
                    : metrics.Count == 1 ? Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? "–"
                    : $"{key} · {Headings.Of(metric, format)}";
                series.Add(new ChartSeries(name, Headings.Of(metric, format), values, metric.Meaning));
            }
        }
        return new ChartData(x, x.Type == ColumnType.Date, TimeGrains.Of(x), categories, series)
        {
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
