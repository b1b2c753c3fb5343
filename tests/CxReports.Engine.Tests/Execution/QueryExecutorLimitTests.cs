using CxReports.Engine.Execution;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Engine.Tests.Engines;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Tests.Execution;

public sealed class QueryExecutorLimitTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cxr-limits-").FullName;
    private readonly DuckDbWarehouse _warehouse;

    public QueryExecutorLimitTests() => _warehouse = DuckDbWarehouse.Open(new WarehouseOptions(_data, MemoryLimit: "256MB"));

    public void Dispose()
    {
        _warehouse.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private static PlannedQuery Rows(string sql, ColumnType type = ColumnType.Integer) => new(sql, [], [new ResultColumn("v", type)]);

    private QueryExecutor Executor(int maxRows = int.MaxValue, long maxBytes = long.MaxValue) =>
        new(_warehouse, TimeSpan.FromSeconds(30), new EvaluationLimits(maxRows, maxBytes, int.MaxValue));

    [Fact]
    public void A_table_past_the_row_limit_stops_at_the_first_row_beyond_it_without_the_rest_being_computed()
    {
        // Row 5,000,000 fails the statement: reached only if DuckDB computes the whole result before the first row is read.
        var e = Assert.Throws<ResultLimitException>(() => Executor(maxRows: 1000).Execute(
            Rows("SELECT CASE WHEN i < 5000000 THEN i ELSE error('computed past the limit') END FROM range(30000000) t(i)")));
        Assert.Equal((ResultLimit.Rows, 1000L), (e.Limit, e.Maximum));
        Assert.Equal("the result has more than 1,000 rows in one table", e.Message);
    }

    [Fact]
    public void A_table_of_exactly_the_row_limit_is_read_whole()
    {
        var table = Executor(maxRows: 100).Execute(Rows("SELECT i FROM range(100) t(i) ORDER BY i"));
        Assert.Equal(100, table.Rows.Count);
        Assert.Equal(99L, table.Rows[^1][0]);
    }

    [Fact]
    public void Bytes_are_counted_as_values_are_read_text_by_its_utf8_length_and_quotes()
    {
        // Each value is 1,000 characters of 'x': 1,002 bytes. Nine rows are 9,018 bytes, the tenth makes 10,020 > 10,000.
        var executor = Executor(maxBytes: 10_000);
        Assert.Equal(9, executor.Execute(Rows("SELECT repeat('x', 1000) FROM range(9)", ColumnType.Text)).Rows.Count);
        var e = Assert.Throws<ResultLimitException>(() => Executor(maxBytes: 10_000).Execute(Rows("SELECT repeat('x', 1000) FROM range(10)", ColumnType.Text)));
        Assert.Equal((ResultLimit.Bytes, 10_000L), (e.Limit, e.Maximum));
    }

    [Fact]
    public void Bytes_are_counted_over_every_table_one_executor_reads()
    {
        // 6 × 1,002 = 6,012 bytes per table: the first fits in 10,000, the second takes the total to 12,024.
        var executor = Executor(maxBytes: 10_000);
        executor.Execute(Rows("SELECT repeat('x', 1000) FROM range(6)", ColumnType.Text));
        Assert.Throws<ResultLimitException>(() => executor.Execute(Rows("SELECT repeat('x', 1000) FROM range(6)", ColumnType.Text)));
    }

    [Theory]
    [InlineData("é", 4L)]        // 2 UTF-8 bytes and the quotes
    [InlineData(42L, 24L)]
    [InlineData(0.1, 24L)]
    [InlineData(null, 5L)]
    [InlineData(true, 5L)]
    public void A_value_counts_at_most_what_json_writes_for_it(object? value, long bytes) => Assert.Equal(bytes, QueryExecutor.ValueBytes(value));

    [Fact]
    public void A_date_counts_its_ten_characters_and_quotes() => Assert.Equal(12, QueryExecutor.ValueBytes(new DateOnly(2026, 1, 31)));
}

public sealed class QueryExecutorLimitOnPostgresTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cxr-limits-pg-").FullName;
    private readonly IWarehouse _warehouse;

    public QueryExecutorLimitOnPostgresTests() => _warehouse = TestEngine.Postgres.Open(_data);

    public void Dispose()
    {
        TestEngine.Postgres.Release(_warehouse);
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public void A_table_past_the_row_limit_stops_reading_and_leaves_the_connection_usable()
    {
        var executor = new QueryExecutor(_warehouse, TimeSpan.FromSeconds(30), new EvaluationLimits(1000, long.MaxValue, int.MaxValue));
        var e = Assert.Throws<ResultLimitException>(() =>
            executor.Execute(new PlannedQuery("SELECT i FROM generate_series(1, 2000000) i", [], [new ResultColumn("v", ColumnType.Integer)])));
        Assert.Equal(ResultLimit.Rows, e.Limit);
        var next = executor.Execute(new PlannedQuery("SELECT 42", [], [new ResultColumn("v", ColumnType.Integer)]));
        Assert.Equal(42L, next.Rows.Single()[0]);
    }
}
