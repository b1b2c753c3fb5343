using CxReports.Dsl.Model;
using CxReports.Engine.Dialects;
using CxReports.Engine.Planning.SqlTree;

namespace CxReports.Engine.Planning;

/// <summary>
/// A recurring source's revenue sums per month over all its entities (<see cref="RevenueSums"/>), made once per load
/// from its entity-month rollup (<see cref="RevenueRollup"/>): a query without dimensions or filters on the source (a
/// KPI's MRR, ARPA or churn, a scenario's inputs) reads one row per month instead of summing millions of
/// entity-months (13M on the scale demo) for each statement. Its name carries a hash of its definition and of the
/// rollup's name, which carries the loads, so it is read only beside the rollup it was made from.
/// </summary>
public static class RevenueTotals
{
    /// <summary>How <see cref="PlanContext.Rollups"/> names a source's month totals (a source name holds no colon).</summary>
    public static string Key(SourceModel source) => $"{source.Name}:months";

    /// <summary>Every month totals table of a source starts so (<see cref="DerivedTableName"/>): the older one is dropped when a new one is made.</summary>
    public static string Prefix(SourceModel source) => DerivedTableName.Prefix(source.Name, "mrt");

    /// <summary>The month totals made from the entity-month rollup <paramref name="rollup"/> of <paramref name="source"/>.</summary>
    public static string TableName(SourceModel source, string rollup) =>
        DerivedTableName.Of(Prefix(source), $"{Statement(rollup)}\n{rollup}");

    /// <summary>The SELECT that makes the month totals from the rollup: the rollup's month and one column per sum.</summary>
    public static string Statement(string rollup) => SqlWriter.Write(new SqlSelect([
        new SqlColumn($"r.{RevenueRollup.Month}", RevenueRollup.Month),
        .. RevenueSums.Names.Select(n => new SqlColumn(RevenueSums.Over(n, $"r.{RevenueRollup.Previous}", $"r.{RevenueRollup.Current}",
            $"r.{RevenueRollup.FirstPaid}", $"r.{RevenueRollup.Month}"), n)),
    ])
    {
        From = new SqlFrom(new SqlTableSource(rollup, "r")),
        GroupBy = SqlSelect.FirstColumns(1),
    });

    /// <summary>
    /// A sum of the months <paramref name="name"/> over the totals' rows as x: counts stay whole numbers on both
    /// engines (a sum of BIGINT is HUGEINT in DuckDB and NUMERIC in PostgreSQL).
    /// </summary>
    public static string Sum(string name) => name == "paying" ? $"CAST(sum(x.{Sql.Identifier(name)}) AS BIGINT)" : $"sum(x.{Sql.Identifier(name)})";
}
