using CxReports.Engine.Dialects;
using CxReports.Engine.Results;

namespace CxReports.Engine.Planning;

/// <summary>
/// The order of the rows: the <c>order by</c> keys, else the top N's ranking, then every dimension in query order
/// (so rows tied on the keys keep a stable order). Rows are put in order (and a top N cut) once read, with the report
/// locale's collation (<see cref="RowOrder"/>); a top N ranks by its <c>by</c> (default: its <c>order by</c>, else the
/// first metric, largest first), and when that starts with a metric the SQL ranks on it, so no more rows than needed
/// leave the engine and the cut among ties is the same on every engine.
/// </summary>
public sealed class OrderRowsPass : IQueryPass
{
    /// <summary>The column a ranking metric that is not shown is computed into.</summary>
    public const string RankedValue = "cxr_rank_by";

    public void Run(QueryPlan plan)
    {
        var query = plan.Query;
        var columns = plan.Columns;
        var dimensionCount = query.Dimensions.Count;
        int ColumnOf(string name) => columns.FindIndex(c => c.Name == name);
        var display = query.Order.Select(k => new RowSortKey(ColumnOf(k.Column), k.Descending)).ToList();
        List<RowSortKey>? ranking = null;
        (string Column, bool Descending)? rank = null;
        if (query.Top is { } top)
        {
            var byRank = new RowSortKey(RowOrder.Rank, false);
            if (top.OrderByMetric is not null)
                (ranking, rank) = ([byRank], (RankedValue, !top.Ascending));
            else if (top.OrderBy is { } name && ColumnOf(name) is var column && column < dimensionCount)
                ranking = [new RowSortKey(column, !top.Ascending)];
            else if (top.OrderBy is { } metric)
                (ranking, rank) = ([byRank], (Sql.Identifier(metric), !top.Ascending));
            else if (display.Count > 0)
            {
                ranking = [.. display];
                if (ranking[0].Column >= dimensionCount)
                    (rank, ranking[0]) = ((Sql.Identifier(columns[ranking[0].Column].Name), ranking[0].Descending), byRank);
            }
            else
                (ranking, rank) = ([byRank], (Sql.Identifier(columns[dimensionCount].Name), !top.Ascending));
            if (display.Count == 0) display = [.. ranking!];
        }
        List<RowSortKey> WithDimensions(List<RowSortKey> keys) =>
            [.. keys, .. Enumerable.Range(0, dimensionCount).Where(i => keys.All(k => k.Column != i)).Select(i => new RowSortKey(i, false))];
        plan.Order = new RowOrder(WithDimensions(display), ranking is null ? null : WithDimensions(ranking), query.Top?.Count, rank is not null, plan.Context.Locale);
        plan.Rank = rank;
    }
}
