using CxReports.Engine.Tests.Engines;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Tests.Loading;

/// <summary>
/// Each load records where the source's data ends: the latest value of its time fields, a month written without a
/// day covering the whole month, none without a time field; kept right by incremental glob loads and reloads.
/// </summary>
public abstract class DataThroughTests(TestEngine engine) : IDisposable
{
    private readonly TempDataDirectory _data = new(engine);

    public void Dispose() => _data.Dispose();

    private string? Through(string source) => _data.Warehouse.Log.LastLoaded(source)?.DataThrough?.ToString();

    [Fact]
    public void A_date_source_ends_on_its_latest_day_even_mid_month()
    {
        _data.Write("churns.csv", "id,left_at\na,2025-03-02\nb,2025-03-14\nc,2025-01-31\n");
        _data.LoadOk("""source churns from "churns.csv" { column id  time left_at: date }""");

        Assert.Equal("2025-03-14", Through("churns"));
    }

    [Fact]
    public void A_timestamp_source_ends_at_its_latest_instant_in_utc()
    {
        _data.Write("tickets.csv", "id,opened\n1,2025-03-20T22:30:00Z\n2,2025-03-21T00:15:00+03:00\n3,2025-03-01T08:00:00Z\n");
        _data.LoadOk("""source tickets from "tickets.csv" { key id  time opened: timestamp }""");

        // 00:15 on March 21 at UTC+3 is 21:15 UTC on March 20, earlier than 22:30.
        Assert.Equal("2025-03-20T22:30:00Z", Through("tickets"));
    }

    [Fact]
    public void A_month_written_without_a_day_covers_the_whole_month()
    {
        _data.Write("costs.csv", "donem;tutar\n2025-01;100\n2025-02;200\n");
        _data.LoadOk("""
            source costs from "costs.csv" {
              options { delimiter ";" }
              time booked = "donem": date format "%Y-%m"
              column amount = "tutar": decimal
            }
            """);

        // February 2025 has 28 days.
        Assert.Equal("2025-02-28", Through("costs"));
    }

    [Fact]
    public void The_latest_of_all_time_fields_counts_and_a_blank_one_does_not()
    {
        _data.Write("customers.csv", "id,signup,left\na,2025-01-05,2025-04-09\nb,2025-02-11,\n");
        _data.LoadOk("""source customers from "customers.csv" { key id  time signup: date  time left: date  lifecycle signup .. left }""");

        // The last signup is 11 February; a departure on 9 April shows the list reaches that far.
        Assert.Equal("2025-04-09", Through("customers"));
    }

    [Fact]
    public void A_source_without_a_time_field_or_without_any_time_has_no_data_end()
    {
        _data.Write("plans.csv", "id,name\np,Pro\n");
        _data.Write("empty.csv", "id,at\n1,\n");
        var outcomes = _data.LoadAll("""
            source plans from "plans.csv" { key id  column name }
            source empty from "empty.csv" { key id  time at: date }
            """);
        Assert.All(outcomes, o => Assert.Equal(Engine.Loading.LoadStatus.Loaded, o.Status));

        Assert.Null(Through("plans"));
        Assert.Null(Through("empty"));
    }

    private const string Invoices = """
        source invoices from "faturalar/*.csv" {
          key id
          time issued: date
        }
        """;

    [Fact]
    public void An_incremental_glob_load_ends_with_its_newest_file_and_a_reload_without_it_ends_earlier()
    {
        _data.Write("faturalar/2025-01.csv", "id,issued\n1,2025-01-03\n2,2025-01-29\n");
        _data.Write("faturalar/2025-02.csv", "id,issued\n3,2025-02-14\n");
        _data.LoadOk(Invoices);
        Assert.Equal("2025-02-14", Through("invoices"));

        // Only the new file is read; the data end is over every published row, kept ones included.
        _data.Write("faturalar/2025-03.csv", "id,issued\n4,2025-03-09\n");
        _data.LoadOk(Invoices);
        Assert.Equal("2025-03-09", Through("invoices"));

        // A changed file that moves back.
        _data.Write("faturalar/2025-03.csv", "id,issued\n4,2025-03-02\n");
        _data.LoadOk(Invoices);
        Assert.Equal("2025-03-02", Through("invoices"));

        File.Delete(Path.Combine(_data.Root, "faturalar", "2025-03.csv"));
        _data.LoadOk(Invoices);
        Assert.Equal("2025-02-14", Through("invoices"));
    }

    [Fact]
    public void An_unchanged_source_keeps_its_data_end_and_a_failed_load_does_not_replace_it()
    {
        _data.Write("churns.csv", "id,left_at\na,2025-03-14\n");
        const string model = """source churns from "churns.csv" { column id  time left_at: date required }""";
        _data.LoadOk(model);
        Assert.Equal(Engine.Loading.LoadStatus.Unchanged, _data.Load(model).Status);
        Assert.Equal("2025-03-14", Through("churns"));

        _data.Write("churns.csv", "id,left_at\na,2025-03-14\nb,\n");
        Assert.Equal(Engine.Loading.LoadStatus.Failed, _data.Load(model).Status);
        Assert.Equal("2025-03-14", Through("churns"));
    }

    [Fact]
    public void A_load_log_from_before_data_ends_were_recorded_gains_the_column_and_reads_as_unknown()
    {
        _data.Write("churns.csv", "id,left_at\na,2025-03-14\n");
        var log = _data.Warehouse.Log;
        _data.Warehouse.Execute($"DROP TABLE {LoadLog.Table}");
        _data.Warehouse.Execute($"""
            CREATE TABLE {LoadLog.Table} (source VARCHAR NOT NULL, files VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, rows BIGINT NOT NULL,
              loaded_at TIMESTAMP NOT NULL, duration_ms BIGINT NOT NULL, status VARCHAR NOT NULL, error VARCHAR)
            """);
        _data.Warehouse.Execute($"INSERT INTO {LoadLog.Table} VALUES ('churns', 'churns.csv', 'old', 1, TIMESTAMP '2025-01-01 00:00:00', 1, 'ok', NULL)");

        log.EnsureCreated();

        Assert.Null(Through("churns"));
        Assert.Equal("old", log.LastLoaded("churns")!.ContentHash);
    }
}

public sealed class DataThroughTestsOnDuckDb() : DataThroughTests(TestEngine.DuckDb);

public sealed class DataThroughTestsOnPostgres() : DataThroughTests(TestEngine.Postgres);
