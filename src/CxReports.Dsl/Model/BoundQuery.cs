using CxReports.Dsl.Text;

namespace CxReports.Dsl.Model;

/// <summary>A bound query: metric columns, dimension columns, the row filter, the order of its rows and the ranking.</summary>
public sealed record BoundQuery(
    IReadOnlyList<QueryMetric> Metrics,
    IReadOnlyList<QueryDimension> Dimensions,
    IReadOnlyDictionary<string, BoundExpression>? Where,
    QueryTop? Top,
    SourceSpan Span)
{
    public TimeUnit? Grain => Dimensions.FirstOrDefault(d => d.Grain is not null)?.Grain;

    /// <summary>The <c>order by</c> keys, each a column of the query; empty for the default order.</summary>
    public IReadOnlyList<QueryOrderKey> Order { get; init; } = [];
}

/// <summary>One <c>order by</c> key: a column of the query by its name as written, largest or last first when descending.</summary>
public sealed record QueryOrderKey(string Column, bool Descending, SourceSpan Span);

/// <summary>
/// A metric column, named as written (<c>nps</c>, <c>count(churns)</c>), with what its values mean (a named metric's
/// label and meaning; an expression's own, labelled as written).
/// </summary>
public sealed record QueryMetric(string Name, BoundExpression Expression, Meaning Meaning, bool Monthly, SourceSpan Span)
{
    public Unit Unit => Meaning.Unit;

    /// <summary>The metric column of the same query this one is the margin of error of (paired by the binder's MarginPairing); null otherwise.</summary>
    public string? MarginOf { get; init; }

    /// <summary>
    /// For a snapshot (every aggregate it reads is a value at a moment, such as <c>active</c>), the moment it is taken
    /// at: the end of the period in a KPI or a table without a time dimension, unless written <c>at start</c>; the start
    /// of each bucket when grouped by time. Null for flows.
    /// </summary>
    public Moment? At { get; init; }
}

/// <summary>When a snapshot metric is taken: at the start or at the end of its period or bucket.</summary>
public enum Moment { Start, End }

/// <summary>
/// A dimension column named as written: a grain (<c>month</c>) or a field path resolved from each source the
/// query's metrics read (<c>channel</c> is <c>responses.channel</c> for <c>nps</c>).
/// </summary>
public sealed record QueryDimension(string Name, TimeUnit? Grain, IReadOnlyDictionary<string, BoundField> BySource, SourceSpan Span);

/// <summary><c>top N by column</c>: the column is a metric or dimension of the query, or another metric.</summary>
public sealed record QueryTop(int Count, string? OrderBy, BoundExpression? OrderByMetric, bool Ascending);
