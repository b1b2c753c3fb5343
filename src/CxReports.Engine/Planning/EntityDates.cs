using CxReports.Engine.Dialects;
using CxReports.Engine.Planning.SqlTree;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>
/// The start and end dates of a lifecycle source's entities as SQL over its rows (alias <c>r</c>): the start
/// field, and the end from the same row or the earliest linked event (a churn export), none = still a customer.
/// </summary>
public sealed record EntityDates(string Start, string End, SqlJoin? EndJoin)
{
    public static EntityDates Of(PlanContext context, SourceModel source, RowSql rows)
    {
        var lifecycle = source.Lifecycle!;
        var start = context.LocalDate(rows.Compile(new BoundField(source.Name, [], lifecycle.Start, lifecycle.Start.Span)), lifecycle.Start);
        if (lifecycle.EndLink is { } link && lifecycle.End is { } endField)
        {
            var first = $"min({context.LocalDate($"c.{Sql.Identifier(endField.Name)}", endField)})";
            var ends = new SqlSelect([new SqlColumn($"c.{Sql.Identifier(link.Name)}", "entity"), new SqlColumn(first, "ended")])
            {
                From = new SqlFrom(new SqlTableSource(endField.Source, "c")),
                GroupBy = SqlSelect.FirstColumns(1),
            };
            var join = new SqlJoin(SqlJoinKind.Left, new SqlSubquery(ends, "ends"), $"ends.entity = r.{Sql.Identifier(source.Key!.Name)}");
            return new EntityDates(start, "ends.ended", join);
        }
        var end = lifecycle.End is { } own ? context.LocalDate(rows.Compile(new BoundField(source.Name, [], own, own.Span)), own) : "CAST(NULL AS DATE)";
        return new EntityDates(start, end, null);
    }
}
