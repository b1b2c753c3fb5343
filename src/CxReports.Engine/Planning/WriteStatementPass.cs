using CxReports.Engine.Dialects;
using CxReports.Engine.Planning.SqlTree;

namespace CxReports.Engine.Planning;

/// <summary>
/// The statement: the named tables, then the result's columns over the frame joined to its tables; for a top N
/// ranked in SQL, the rows ranked N or better on the ranking column (ties included; <see cref="OrderRowsPass"/>).
/// </summary>
public sealed class WriteStatementPass : IQueryPass
{
    private const string Result = "cxr_result";

    public void Run(QueryPlan plan)
    {
        var with = plan.Tables.Select(t => t.AsCte).ToList();
        var body = new SqlSelect([.. plan.Select, .. plan.Rank?.Column == OrderRowsPass.RankedValue ? [new SqlColumn(plan.RankBy!, OrderRowsPass.RankedValue)] : Array.Empty<SqlColumn>()])
        {
            From = plan.Joined("frame", "f", plan.QueryLevel),
            // Compared periods: the earlier period's row, then the current one's (PlannedQuery.BothPeriods).
            OrderBy = plan.Context.Compared is null ? [] : ["f.bucket"],
        };
        if (plan.Rank is not { } rank)
        {
            plan.Statement = body with { With = with };
            return;
        }
        var ranked = new SqlSelect(["x.*", new SqlColumn($"rank() OVER (ORDER BY x.{rank.Column} {(rank.Descending ? "DESC" : "ASC")} NULLS LAST)", "cxr_rank")])
        {
            From = new SqlFrom(new SqlTableSource(Result, "x")),
        };
        plan.Statement = new SqlSelect([.. plan.Columns.Select(c => new SqlColumn("r." + Sql.Identifier(c.Name))), "r.cxr_rank"])
        {
            With = [.. with, new SqlTable(Result, body)],
            From = new SqlFrom(new SqlSubquery(ranked, "r")),
            Where = [$"r.cxr_rank <= {plan.Query.Top!.Count}"],
        };
    }
}
