using System.Globalization;
using System.Text;
using CxReports.Engine.Dialects;

namespace CxReports.Engine.Planning.SqlTree;

/// <summary>
/// Writes a statement of the planner's SQL tree as text, the one place that lays SQL out: each clause on its own
/// line, a nested query indented two spaces under the line that opens it, long select lists one entry a line, and
/// every table and column name quoted (so any name of the model, Unicode or a reserved word, is read as written).
/// </summary>
public static class SqlWriter
{
    /// <summary>A select list longer than this is written one entry a line.</summary>
    private const int LineWidth = 100;

    public static string Write(SqlQuery query)
    {
        var text = new StringBuilder();
        Query(text, query, "");
        return text.ToString();
    }

    /// <summary>A query starting where the text stands; its further lines begin with <paramref name="indent"/>.</summary>
    private static void Query(StringBuilder text, SqlQuery query, string indent)
    {
        switch (query)
        {
            case SqlSelect select:
                Select(text, select, indent);
                break;
            case SqlUnion union:
                for (var i = 0; i < union.Selects.Count; i++)
                {
                    if (i > 0) text.Append('\n').Append(indent).Append(union.All ? "UNION ALL\n" : "UNION\n").Append(indent);
                    Select(text, union.Selects[i], indent);
                }
                break;
            case SqlText raw:
                text.Append(raw.Sql);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(query), query.GetType().Name, "not a SQL query");
        }
    }

    private static void Select(StringBuilder text, SqlSelect select, string indent)
    {
        var inner = indent + "  ";
        if (select.With.Count > 0)
        {
            text.Append("WITH\n");
            for (var i = 0; i < select.With.Count; i++)
            {
                var table = select.With[i];
                text.Append(indent).Append(Sql.Identifier(table.Name)).Append(table.Materialized ? " AS MATERIALIZED (\n" : " AS (\n").Append(inner);
                Query(text, table.Query, inner);
                text.Append('\n').Append(indent).Append(i < select.With.Count - 1 ? "),\n" : ")\n");
            }
            text.Append(indent);
        }
        var columns = select.Columns.Select(Column).ToArray();
        text.Append(select.Distinct ? "SELECT DISTINCT " : "SELECT ")
            .Append(string.Join(columns.Sum(c => c.Length + 2) > LineWidth || columns.Any(c => c.Contains('\n')) ? ",\n" + inner : ", ", columns));
        if (select.From is { } from)
        {
            text.Append('\n').Append(indent).Append("FROM ");
            Source(text, from.Source, indent);
            foreach (var join in from.Joins)
            {
                text.Append('\n').Append(inner).Append(join.Kind switch
                {
                    SqlJoinKind.Left => "LEFT JOIN ",
                    SqlJoinKind.Full => "FULL JOIN ",
                    _ => "CROSS JOIN ",
                });
                Source(text, join.Source, inner);
                if (join.On is { } on) text.Append(" ON ").Append(on);
            }
        }
        if (select.Where.Count > 0) text.Append('\n').Append(indent).Append("WHERE ").Append(string.Join("\n" + inner + "AND ", select.Where));
        if (select.GroupBy.Count > 0) text.Append('\n').Append(indent).Append("GROUP BY ").Append(string.Join(", ", select.GroupBy));
        if (select.OrderBy.Count > 0) text.Append('\n').Append(indent).Append("ORDER BY ").Append(string.Join(", ", select.OrderBy));
        if (select.Limit is { } limit) text.Append('\n').Append(indent).Append("LIMIT ").Append(limit.ToString(CultureInfo.InvariantCulture));
    }

    private static string Column(SqlColumn column) =>
        column.Name is { } name ? $"{column.Expression} AS {Sql.Identifier(name)}" : column.Expression;

    private static void Source(StringBuilder text, SqlSource source, string indent)
    {
        switch (source)
        {
            case SqlTableSource table:
                text.Append(Sql.Identifier(table.Name));
                break;
            case SqlSubquery { Query: SqlText raw }:
                text.Append('(').Append(raw.Sql).Append(')');
                break;
            case SqlSubquery subquery:
                var inner = indent + "  ";
                text.Append("(\n").Append(inner);
                Query(text, subquery.Query, inner);
                text.Append('\n').Append(indent).Append(')');
                break;
        }
        if (source.Alias is { } alias) text.Append(' ').Append(alias);
    }
}
