using CxReports.Dsl.Model;
using CxReports.Engine.Dialects;
using CxReports.Engine.Planning.SqlTree;

namespace CxReports.Engine.Planning;

/// <summary>
/// Rows grouped by the units their dates fall in through the dialect's per-row unit key (<see cref="ISqlDialect.UnitKey"/>),
/// cheaper than truncating every row's date, and the keys made the units' first days again over the grouped rows.
/// </summary>
public static class UnitKeyedRows
{
    /// <summary>
    /// <paramref name="grouped"/> with its <paramref name="keyColumns"/> (unit keys of <paramref name="unit"/>) made
    /// first days and every other column as it is; <paramref name="grouped"/> itself where the keys are first days.
    /// </summary>
    public static SqlSelect WithFirstDays(ISqlDialect dialect, TimeUnit unit, SqlSelect grouped, params string[] keyColumns)
    {
        if (dialect.UnitKeyFirstDay(unit, "k") is null) return grouped;
        return new SqlSelect(grouped.Columns.Select(c =>
        {
            var column = $"x.{Sql.Identifier(c.Name!)}";
            return new SqlColumn(keyColumns.Contains(c.Name) ? dialect.UnitKeyFirstDay(unit, column)! : column, c.Name);
        }).ToArray())
        {
            From = new SqlFrom(new SqlSubquery(grouped, "x")),
        };
    }
}
