using CxReports.Dsl.Model;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Planning;

/// <summary>
/// The start and end dates of a lifecycle source's entities as SQL over its rows (alias <c>r</c>): the start
/// field, and the end from the same row or the earliest linked event (a churn export), none = still a customer.
/// </summary>
public sealed record EntityDates(string Start, string End, string EndJoin)
{
    public static EntityDates Of(PlanContext context, SourceModel source, RowSql rows)
    {
        var lifecycle = source.Lifecycle!;
        var start = context.LocalDate(rows.Compile(new BoundField(source.Name, [], lifecycle.Start, lifecycle.Start.Span)), lifecycle.Start);
        if (lifecycle.EndLink is { } link && lifecycle.End is { } endField)
        {
            var first = $"min({context.LocalDate($"c.{Sql.Identifier(endField.Name)}", endField)})";
            var join = $"\n    LEFT JOIN (SELECT c.{Sql.Identifier(link.Name)} AS entity, {first} AS ended FROM {Sql.Identifier(endField.Source)} c GROUP BY 1) ends " +
                       $"ON ends.entity = r.{Sql.Identifier(source.Key!.Name)}";
            return new EntityDates(start, "ends.ended", join);
        }
        var end = lifecycle.End is { } own ? context.LocalDate(rows.Compile(new BoundField(source.Name, [], own, own.Span)), own) : "CAST(NULL AS DATE)";
        return new EntityDates(start, end, "");
    }
}
