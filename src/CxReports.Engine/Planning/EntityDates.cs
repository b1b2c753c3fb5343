using CxReports.Engine.Dialects;
using CxReports.Engine.Planning.SqlTree;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>
/// The start and end dates of a lifecycle source's entities as SQL over its rows (alias <c>r</c>): the start
/// field, and the end from the same row or the earliest linked event (a churn export), none = still a customer;
/// the earliest event read from the lifecycle rollup when one is current (<see cref="LifecycleRollup"/>).
/// </summary>
public sealed record EntityDates(string Start, string End, SqlJoin? EndJoin)
{
    /// <summary>The dates over rows read from <see cref="LifecycleRollup.Table"/>: a current lifecycle rollup holds the end already.</summary>
    public static EntityDates Of(PlanContext context, SourceModel source, RowSql rows)
    {
        var lifecycle = source.Lifecycle!;
        var start = context.LocalDate(rows.Compile(new BoundField(source.Name, [], lifecycle.Start, lifecycle.Start.Span)), lifecycle.Start);
        if (context.Rollups.ContainsKey(LifecycleRollup.Key(source))) return new EntityDates(start, $"r.{Sql.Identifier(LifecycleRollup.Ended)}", null);
        if (lifecycle.EndLink is not null && lifecycle.End is { } endField)
            return new EntityDates(start, "ends.ended", EarliestEnds(source, day => context.LocalDate(day, endField)));
        var end = lifecycle.End is { } own ? context.LocalDate(rows.Compile(new BoundField(source.Name, [], own, own.Span)), own) : "CAST(NULL AS DATE)";
        return new EntityDates(start, end, null);
    }

    /// <summary>
    /// The earliest linked event of each entity (rows as r), joined as <c>ends.ended</c>; <paramref name="localDate"/>
    /// gives an event's day from its time.
    /// </summary>
    public static SqlJoin EarliestEnds(SourceModel source, Func<string, string> localDate)
    {
        var (link, endField) = (source.Lifecycle!.EndLink!, source.Lifecycle.End!);
        var first = $"min({localDate($"c.{Sql.Identifier(endField.Name)}")})";
        var ends = new SqlSelect([new SqlColumn($"c.{Sql.Identifier(link.Name)}", "entity"), new SqlColumn(first, "ended")])
        {
            From = new SqlFrom(new SqlTableSource(endField.Source, "c")),
            GroupBy = SqlSelect.FirstColumns(1),
        };
        return new SqlJoin(SqlJoinKind.Left, new SqlSubquery(ends, "ends"), $"ends.entity = r.{Sql.Identifier(source.Key!.Name)}");
    }
}
