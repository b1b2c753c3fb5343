using CxReports.Engine.Planning.SqlTree;
using CxReports.Engine.Tests.Engines;
using CxReports.Engine.Tests.Loading;

namespace CxReports.Engine.Tests.Planning.SqlTree;

/// <summary>
/// The one writer of the planner's SQL quotes names, so that any name of a model (a reserved word, a quote, Unicode)
/// is read back as written, on every engine.
/// </summary>
public abstract class SqlWriterTests(TestEngine engine) : IDisposable
{
    private readonly TempDataDirectory _data = new(engine);

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Names_that_are_reserved_words_quotes_or_unicode_read_back_as_written()
    {
        static SqlSelect Row(string region, int amount) =>
            new([new SqlColumn($"'{region}'", "select"), new SqlColumn(amount.ToString(System.Globalization.CultureInfo.InvariantCulture), "Müşteri")]);
        // UNION keeps one of two equal rows: south counts 5 once, so north (2 + 4 = 6) is the larger region.
        var sales = new SqlUnion([Row("north", 2), Row("south", 5), Row("south", 5), Row("north", 4)]);
        var codes = new SqlSelect([new SqlColumn("'north'", "select"), new SqlColumn("'N'", "code")]);
        var statement = new SqlSelect(["t.\"select\"", "c.code", new SqlColumn("CAST(sum(t.\"Müşteri\") AS BIGINT)", "a \"quoted\" total")])
        {
            With = [new SqlTable("sales \"2026\"", sales)],
            From = new SqlFrom(new SqlTableSource("sales \"2026\"", "t"), [new SqlJoin(SqlJoinKind.Left, new SqlSubquery(codes, "c"), "c.\"select\" = t.\"select\"")]),
            Where = ["t.\"Müşteri\" > 0", "t.\"select\" <> 'west'"],
            GroupBy = SqlSelect.FirstColumns(2),
            OrderBy = ["3 DESC", "1"],
            Limit = 1,
        };

        var rows = _data.Warehouse.Query(SqlWriter.Write(statement), r => (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), Convert.ToInt64(r.GetValue(2))));

        Assert.Equal([("north", "N", 6L)], rows);
    }
}

public sealed class SqlWriterTestsOnDuckDb() : SqlWriterTests(TestEngine.DuckDb);

public sealed class SqlWriterTestsOnPostgres() : SqlWriterTests(TestEngine.Postgres);
