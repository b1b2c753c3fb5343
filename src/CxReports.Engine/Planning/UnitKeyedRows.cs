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
        var columns = grouped.Columns.Select(c =>
        {
            var read = $"x.{Sql.Identifier(c.Name!)}";
            return (c.Name, Read: read, FirstDay: keyColumns.Contains(c.Name) ? dialect.UnitKeyFirstDay(unit, read) : null);
        }).ToArray();
        if (columns.All(c => c.FirstDay is null)) return grouped;
        return new SqlSelect(columns.Select(c => new SqlColumn(c.FirstDay ?? c.Read, c.Name)).ToArray())
        {
            From = new SqlFrom(new SqlSubquery(grouped, "x")),
        };
    }
}
