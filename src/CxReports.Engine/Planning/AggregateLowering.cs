using System.Globalization;
using CxReports.Dsl.Model;
using CxReports.Engine.Dialects;

namespace CxReports.Engine.Planning;

/// <summary>
/// The inputs of one aggregate as SQL: its argument (null for <c>count(src)</c>), row filter and time order;
/// <paramref name="ValueNeverNull"/> when the argument cannot be null (a required field of the row's own source).
/// </summary>
public sealed record AggregateInputs(string? Value, string Filter, string? TimeOrder, decimal Percentile, bool ValueNeverNull = false)
{
    /// <summary>
    /// Where the rows were counted before (<see cref="EventTable"/>): the column of each pre-counted group's rows,
    /// summed in place of <c>count(*)</c>; null when the aggregate reads the rows themselves.
    /// </summary>
    public string? RowsCounted { get; init; }

    /// <summary>
    /// What the aggregate's result is divided by, where <see cref="Value"/> is the whole number an elapsed time
    /// divides (<see cref="RowSql.ElapsedParts"/>); null when the value is the argument itself.
    /// </summary>
    public string? Divisor { get; init; }

    /// <summary>
    /// The inputs of a bound aggregate over a source's rows: its first argument, its <c>where</c> (null counting as
    /// false), the source's time column (<paramref name="timeColumn"/>, for first and last) and a percentile's p.
    /// </summary>
    /// <remarks>
    /// A quantile of an elapsed time is taken of its whole microseconds and divided after: the interpolation between
    /// two whole numbers is exact before its one division, and DuckDB selects among 3.5M BIGINTs in about two thirds
    /// of the time it takes among DOUBLEs.
    /// </remarks>
    public static AggregateInputs Of(Dsl.Model.BoundAggregate aggregate, RowSql rows, string? timeColumn)
    {
        var argument = aggregate.Arguments.FirstOrDefault();
        var parts = argument is not null && AggregateLowering.IsQuantile(aggregate) ? rows.ElapsedParts(argument) : null;
        return new(
            parts?.Whole ?? (argument is null ? null : rows.Compile(argument)),
            aggregate.Filter is null ? "TRUE" : $"coalesce({rows.Compile(aggregate.Filter)}, FALSE)",
            timeColumn,
            aggregate.Arguments.Count > 1 ? (decimal)((Dsl.Model.BoundLiteral)aggregate.Arguments[1]).Value : 0m,
            NeverNull(argument))
        { Divisor = parts?.Divisor };
    }

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
        ["count"] = (_, a) => a.Value is null ? Count(a, a.Filter) : $"count({a.Value}) FILTER (WHERE {a.Filter})",
        ["distinct"] = (_, a) => $"count(DISTINCT {a.Value}) FILTER (WHERE {a.Filter})",
        ["sum"] = (_, a) => $"sum({a.Value}) FILTER (WHERE {a.Filter})",
        ["mean"] = (_, a) => $"avg({a.Value}) FILTER (WHERE {a.Filter})",
        ["median"] = (d, a) => Divided(d.Quantile(a.Value!, "0.5", a.Filter), a),
        ["percentile"] = (d, a) => Divided(d.Quantile(a.Value!, (a.Percentile / 100m).ToString(CultureInfo.InvariantCulture), a.Filter), a),
        ["min"] = (_, a) => $"min({a.Value}) FILTER (WHERE {a.Filter})",
        ["max"] = (_, a) => $"max({a.Value}) FILTER (WHERE {a.Filter})",
        ["first"] = (d, a) => d.ValueAt(a.Value!, a.TimeOrder!, last: false, Present(a)),
        ["last"] = (d, a) => d.ValueAt(a.Value!, a.TimeOrder!, last: true, Present(a)),
        ["share"] = (d, a) => $"(100.0 * {d.SafeDivide(Count(a, $"{And(a)}{a.Value}"), Count(a, a.Filter))})",
        // NPS (Bain): 100 * (share of 9-10 - share of 0-6) among answers 0..10.
        ["nps"] = (d, a) => $"(100.0 * {d.SafeDivide(
            $"{Count(a, $"{And(a)}{a.Value} BETWEEN 9 AND 10")} - {Count(a, $"{And(a)}{a.Value} BETWEEN 0 AND 6")}",
            Answers(a, 0, 10))})",
        // 95% margin of error of NPS in points; null below two answers.
        ["nps_margin"] = (d, a) =>
        {
            var n = $"CAST({Answers(a, 0, 10)} AS DOUBLE PRECISION)";
            var p = $"({Count(a, $"{And(a)}{a.Value} BETWEEN 9 AND 10")} / {n})";
            var q = $"({Count(a, $"{And(a)}{a.Value} BETWEEN 0 AND 6")} / {n})";
            return $"(CASE WHEN {n} >= 2 THEN 100 * 1.96 * sqrt(({p} + {q} - ({p} - {q}) * ({p} - {q})) / {n}) END)";
        },
        // CSAT: percent of 4-5 (top-two-box) among answers 1..5.
        ["csat"] = (d, a) => $"(100.0 * {d.SafeDivide(Count(a, $"{And(a)}{a.Value} BETWEEN 4 AND 5"), Answers(a, 1, 5))})",
        // CES: mean of answers 1..7; out-of-range answers are left out, never clamped.
        ["ces"] = (_, a) => a.RowsCounted is { } rows
            // Over counted rows: the answers' sum divided by their number, both whole numbers, as avg divides them
            // (DOUBLE in DuckDB, NUMERIC in PostgreSQL), so the mean is the same to the last digit.
            ? $"(sum({a.Value} * {rows}) FILTER (WHERE {And(a)}{a.Value} BETWEEN 1 AND 7) / sum({rows}) FILTER (WHERE {And(a)}{a.Value} BETWEEN 1 AND 7))"
            : $"avg({a.Value}) FILTER (WHERE {And(a)}{a.Value} BETWEEN 1 AND 7)",
    };

    /// <summary>Whether an aggregate is a quantile of its argument (whose inputs may be divided after: <see cref="AggregateInputs.Divisor"/>).</summary>
    public static bool IsQuantile(BoundAggregate aggregate) => aggregate.Function.Name is "median" or "percentile";

    private static string Divided(string aggregate, AggregateInputs a) => a.Divisor is null ? aggregate : $"({aggregate} / {a.Divisor})";

    /// <summary>The row filter as a prefix of a further condition, or nothing when every row counts.</summary>
    private static string And(AggregateInputs a) => a.Filter == "TRUE" ? "" : $"{a.Filter} AND ";

    /// <summary>The rows with a value: a filter on the column only where it can be null (filtering costs a third of the aggregate).</summary>
    private static string Present(AggregateInputs a) => a.ValueNeverNull ? a.Filter : $"{And(a)}{a.Value} IS NOT NULL";

    private static string Answers(AggregateInputs a, int low, int high) => Count(a, $"{And(a)}{a.Value} BETWEEN {low} AND {high}");

    /// <summary>
    /// The rows meeting a condition: counted, or the sum of pre-counted groups' rows (0, as a count, where none meet
    /// it; a whole number of the count's type, so every figure made of counts is the same).
    /// </summary>
    private static string Count(AggregateInputs a, string condition) => a.RowsCounted is { } rows
        ? $"CAST(coalesce(sum({rows}) FILTER (WHERE {condition}), 0) AS BIGINT)"
        : $"count(*) FILTER (WHERE {condition})";

    /// <summary>
    /// The aggregates made of row counts alone, which can read rows counted before (<see cref="AggregateInputs.RowsCounted"/>),
    /// and CES of whole-number answers: the sum of answer × rows is their sum exactly (a fractional or DOUBLE answer
    /// would be summed in another order, so its mean could differ in the last digit).
    /// </summary>
    public static bool CountsRows(BoundAggregate aggregate) => aggregate.Function.Name switch
    {
        "count" => aggregate.Arguments.Count == 0,
        "share" or "nps" or "nps_margin" or "csat" => true,
        "ces" => aggregate.Arguments[0].Type == Dsl.Model.ValueType.Integer,
        _ => false,
    };

    public static string Lower(ISqlDialect dialect, string function, AggregateInputs inputs) => Table[function](dialect, inputs);
}
