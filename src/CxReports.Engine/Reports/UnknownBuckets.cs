using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;

namespace CxReports.Engine.Reports;

/// <summary>
/// Applies where the data ends to a table by a time grain: a metric's value in a bucket that begins after the last
/// day with data of a source it reads is unknown (null), not the 0 an empty bucket would count; and each bucket not
/// wholly inside the period, or holding the last day with data of a metric's sources (with days after it), is
/// marked partial. A table without a time grain is one bucket, the period: a metric whose data ends before the
/// period begins is unknown in every row (an alert must not read the 0 of a month after the data as "churn fell to 0").
/// Done on the result, so both engines give the same table.
/// </summary>
public static class UnknownBuckets
{
    public static ResultTable Apply(ResultTable table, BoundQuery query, ResolvedPeriod period, DataEnds ends, SourcesRead read)
    {
        if (query.Grain is not { } grain) return WithoutData(table, query, period, ends, read);
        var time = table.Columns.ToList().FindIndex(c => c.Grain is not null);
        if (time < 0) return table;
        // Metric columns follow the dimension columns, in the query's order.
        var first = query.Dimensions.Count;
        var metricEnds = query.Metrics.Select(m => ends.Of(read.Of(m.Expression))).ToArray();

        var partial = new bool[table.Rows.Count];
        var rows = table.Rows.Select((row, r) =>
        {
            if (row[time] is not DateOnly bucket) return row;
            var lastDay = ResolvedPeriod.Add(bucket, grain, 1).AddDays(-1);
            partial[r] = bucket < period.From || lastDay > period.To || metricEnds.Any(e => e >= bucket && e < lastDay);
            if (!metricEnds.Any(e => e < bucket)) return row;
            var copy = (object?[])row.Clone();
            for (var i = 0; i < metricEnds.Length; i++)
                if (metricEnds[i] < bucket) copy[first + i] = null;
            return copy;
        }).ToArray();
        return table with { Rows = rows, Partial = partial.Any(p => p) ? partial : null };
    }

    /// <summary>A table without a time grain: each metric whose sources' data end before the period begins unknown in every row.</summary>
    private static ResultTable WithoutData(ResultTable table, BoundQuery query, ResolvedPeriod period, DataEnds ends, SourcesRead read)
    {
        var first = query.Dimensions.Count;
        var unknown = query.Metrics.Select((m, i) => (Column: first + i, End: ends.Of(read.Of(m.Expression))))
            .Where(m => m.End < period.From).Select(m => m.Column).ToHashSet();
        if (unknown.Count == 0) return table;
        return table with { Rows = table.Rows.Select(row => row.Select((v, i) => unknown.Contains(i) ? null : v).ToArray()).ToArray() };
    }

    /// <summary>A table computed over a period with no data at all: every metric value unknown.</summary>
    public static ResultTable AllUnknown(ResultTable table, int firstMetric) => table with
    {
        Rows = table.Rows.Select(row => row.Select((v, i) => i >= firstMetric ? null : v).ToArray()).ToArray(),
    };
}
