using CxReports.Engine.Planning.SqlTree;

namespace CxReports.Engine.Tests.Planning.SqlTree;

/// <summary>How <c>cxr explain</c> readers see the SQL: each clause on its own line, a nested query indented under the line that opens it.</summary>
public sealed class SqlWriterLayoutTests
{
    [Fact]
    public void Each_clause_has_its_own_line_and_a_nested_query_is_indented_under_its_opening_line()
    {
        var statement = new SqlSelect(["t.a"])
        {
            With = [new SqlTable("t", new SqlSelect([new SqlColumn("1", "a")]))],
            From = new SqlFrom(new SqlTableSource("t", "t"), [new SqlJoin(SqlJoinKind.Left, new SqlSubquery(new SqlSelect([new SqlColumn("1", "a")]), "u"), "u.a = t.a")]),
            Where = ["t.a > 0", "u.a > 0"],
            GroupBy = SqlSelect.FirstColumns(1),
            OrderBy = ["1"],
            Limit = 5,
        };

        Assert.Equal("""
            WITH
            "t" AS (
              SELECT 1 AS "a"
            )
            SELECT t.a
            FROM "t" t
              LEFT JOIN (
                SELECT 1 AS "a"
              ) u ON u.a = t.a
            WHERE t.a > 0
              AND u.a > 0
            GROUP BY 1
            ORDER BY 1
            LIMIT 5
            """, SqlWriter.Write(statement));
    }
}
