using System.Globalization;
using CxReports.Engine.Dialects;

namespace CxReports.Engine.Planning;

/// <summary>
/// The inputs of one aggregate as SQL: its argument (null for <c>count(src)</c>), row filter and time order;
/// <paramref name="ValueNeverNull"/> when the argument cannot be null (a required field of the row's own source).
/// </summary>
public sealed record AggregateInputs(string? Value, string Filter, string? TimeOrder, decimal Percentile, bool ValueNeverNull = false)
{
    /// <summary>
    /// The inputs of a bound aggregate over a source's rows: its first argument, its <c>where</c> (null counting as
    /// false), the source's time column (<paramref name="timeColumn"/>, for first and last) and a percentile's p.
    /// </summary>
    public static AggregateInputs Of(Dsl.Model.BoundAggregate aggregate, RowSql rows, string? timeColumn) => new(
        aggregate.Arguments.Count > 0 ? rows.Compile(aggregate.Arguments[0]) : null,
        aggregate.Filter is null ? "TRUE" : $"coalesce({rows.Compile(aggregate.Filter)}, FALSE)",
        timeColumn,
        aggregate.Arguments.Count > 1 ? (decimal)((Dsl.Model.BoundLiteral)aggregate.Arguments[1]).Value : 0m,
        NeverNull(aggregate.Arguments.FirstOrDefault()));

    /// <summary>Whether a value can never be null once loaded: a required (or defaulted) column of the row's own source.</summary>
    public static bool NeverNull(Dsl.Model.BoundExpression? argument) =>
        argument is Dsl.Model.BoundField { Links.Count: 0, Field: { Kind: not Dsl.Model.FieldKind.Dimension } field } &&
        (field.Required || field.Default is not null);
}

/// <summary>
/// How each row aggregate of the metric library lowers to SQL (definitions in metrics.md). One entry per
/// function, so adding a metric touches this table and its test. Lifecycle and revenue functions are computed
/// by their own table builders.
/// </summary>
public static class AggregateLowering
{
    private static readonly Dictionary<string, Func<ISqlDialect, AggregateInputs, string>> Table = new()
    {
        ["count"] = (_, a) => a.Value is null ? $"count(*) FILTER (WHERE {a.Filter})" : $"count({a.Value}) FILTER (WHERE {a.Filter})",
        ["distinct"] = (_, a) => $"count(DISTINCT {a.Value}) FILTER (WHERE {a.Filter})",
        ["sum"] = (_, a) => $"sum({a.Value}) FILTER (WHERE {a.Filter})",
        ["mean"] = (_, a) => $"avg({a.Value}) FILTER (WHERE {a.Filter})",
        ["median"] = (d, a) => d.Quantile(a.Value!, "0.5", a.Filter),
        ["percentile"] = (d, a) => d.Quantile(a.Value!, (a.Percentile / 100m).ToString(CultureInfo.InvariantCulture), a.Filter),
        ["min"] = (_, a) => $"min({a.Value}) FILTER (WHERE {a.Filter})",
        ["max"] = (_, a) => $"max({a.Value}) FILTER (WHERE {a.Filter})",
        ["first"] = (d, a) => d.ValueAt(a.Value!, a.TimeOrder!, last: false, Present(a)),
        ["last"] = (d, a) => d.ValueAt(a.Value!, a.TimeOrder!, last: true, Present(a)),
        ["share"] = (d, a) => $"(100.0 * {d.SafeDivide($"count(*) FILTER (WHERE {And(a)}{a.Value})", $"count(*) FILTER (WHERE {a.Filter})")})",
        // NPS (Bain): 100 * (share of 9-10 - share of 0-6) among answers 0..10.
        ["nps"] = (d, a) => $"(100.0 * {d.SafeDivide(
            $"count(*) FILTER (WHERE {And(a)}{a.Value} BETWEEN 9 AND 10) - count(*) FILTER (WHERE {And(a)}{a.Value} BETWEEN 0 AND 6)",
            Answers(a, 0, 10))})",
        // 95% margin of error of NPS in points; null below two answers.
        ["nps_margin"] = (d, a) =>
        {
            var n = $"CAST({Answers(a, 0, 10)} AS DOUBLE PRECISION)";
            var p = $"(count(*) FILTER (WHERE {And(a)}{a.Value} BETWEEN 9 AND 10) / {n})";
            var q = $"(count(*) FILTER (WHERE {And(a)}{a.Value} BETWEEN 0 AND 6) / {n})";
            return $"(CASE WHEN {n} >= 2 THEN 100 * 1.96 * sqrt(({p} + {q} - ({p} - {q}) * ({p} - {q})) / {n}) END)";
        },
        // CSAT: percent of 4-5 (top-two-box) among answers 1..5.
        ["csat"] = (d, a) => $"(100.0 * {d.SafeDivide($"count(*) FILTER (WHERE {And(a)}{a.Value} BETWEEN 4 AND 5)", Answers(a, 1, 5))})",
        // CES: mean of answers 1..7; out-of-range answers are left out, never clamped.
        ["ces"] = (_, a) => $"avg({a.Value}) FILTER (WHERE {And(a)}{a.Value} BETWEEN 1 AND 7)",
    };

    /// <summary>The row filter as a prefix of a further condition, or nothing when every row counts.</summary>
    private static string And(AggregateInputs a) => a.Filter == "TRUE" ? "" : $"{a.Filter} AND ";

    /// <summary>The rows with a value: a filter on the column only where it can be null (filtering costs a third of the aggregate).</summary>
    private static string Present(AggregateInputs a) => a.ValueNeverNull ? a.Filter : $"{And(a)}{a.Value} IS NOT NULL";

    private static string Answers(AggregateInputs a, int low, int high) =>
        $"count(*) FILTER (WHERE {And(a)}{a.Value} BETWEEN {low} AND {high})";

    public static string Lower(ISqlDialect dialect, string function, AggregateInputs inputs) => Table[function](dialect, inputs);
}
