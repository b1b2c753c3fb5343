using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>Which table computes an aggregate: row events, the customer lifecycle, or recurring revenue.</summary>
public enum AtomKind { Event, Lifecycle, Revenue }

/// <summary>
/// One aggregate of the query, computed in its source's table at one grain and named after the metric it
/// serves (<c>nps</c>, <c>churn</c>), so the SQL reads like the report.
/// </summary>
public sealed record Atom(string Column, BoundAggregate Aggregate, TimeUnit? Grain)
{
    /// <summary>Whether a snapshot (<c>active</c>) is taken at the end of the period rather than at each bucket's start.</summary>
    public bool AtEnd { get; init; }

    public AtomKind Kind => Aggregate.Function.Requires switch
    {
        SourceRequirement.Lifecycle => AtomKind.Lifecycle,
        SourceRequirement.Recurring => AtomKind.Revenue,
        _ => AtomKind.Event,
    };

    /// <summary>The table that holds it.</summary>
    public string Table => PlanContext.TableName(Aggregate.Source, Kind.ToString().ToLowerInvariant() switch
    {
        "event" => "by",
        var k => k,
    }, Grain);
}
