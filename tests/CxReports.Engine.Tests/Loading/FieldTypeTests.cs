using CxReports.Engine.Loading;
using CxReports.Engine.Results;

namespace CxReports.Engine.Tests.Loading;

/// <summary>How declared types, formats, time zones, renames and defaults turn file text into typed columns.</summary>
public sealed class FieldTypeTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private string ColumnType(string table, string column) =>
        _data.Warehouse.Scalar<string>("SELECT data_type FROM information_schema.columns WHERE table_name = $1 AND column_name = $2", table, column)!;

    [Fact]
    public void Integer_decimal_and_boolean_columns_get_their_sql_types_and_values()
    {
        _data.Write("plans.csv", "id,seats,price,active\n1,  12 ,9.99,true\n2,-3,1e3,false\n3,0,0.5,FALSE\n");

        _data.LoadOk("""
            source plans from "plans.csv" {
              key id: integer
              column seats: integer
              column price: decimal
              column active: boolean
            }
            """);

        Assert.Equal(["BIGINT", "BIGINT", "DOUBLE", "BOOLEAN"],
            new[] { "id", "seats", "price", "active" }.Select(c => ColumnType("plans", c)));
        // Values are trimmed before conversion; 1e3 is a valid decimal number.
        Assert.Equal(["1|12|9.99|true", "2|-3|1000|false", "3|0|0.5|false"], _data.Rows("SELECT * FROM plans ORDER BY id"));
    }

    [Fact]
    public void Date_with_format_day_month_year_reads_turkish_style_dates()
    {
        _data.Write("musteriler.csv", "no,kayit_tarihi\n1,31.01.2025\n2,01.12.2024\n");

        _data.LoadOk("""
            source customers from "musteriler.csv" {
              key no: integer
              time signup = "kayit_tarihi": date format "%d.%m.%Y"
            }
            """);

        Assert.Equal("DATE", ColumnType("customers", "signup"));
        Assert.Equal(["1|2025-01-31", "2|2024-12-01"], _data.Rows("SELECT no, CAST(signup AS VARCHAR) FROM customers ORDER BY no"));
    }

    [Fact]
    public void Month_dates_with_format_year_dash_month_become_the_first_day_of_the_month()
    {
        _data.Write("cx_giderleri.csv", "donem,ekip_gideri\n2025-01,1000\n2025-02,1200\n");

        _data.LoadOk("""
            source costs from "cx_giderleri.csv" {
              time booked = "donem": date format "%Y-%m"
              column team = "ekip_gideri": decimal required
            }
            """);

        Assert.Equal(["2025-01-01|1000", "2025-02-01|1200"], _data.Rows("SELECT CAST(booked AS VARCHAR), team FROM costs ORDER BY booked"));
    }

    [Fact]
    public void Timestamps_with_offset_plus_three_and_with_Z_are_the_same_instant_stored_in_utc()
    {
        // 12:30 at +03:00 is 09:30 UTC, the same instant as 09:30Z; 23:30 at -05:00 is 04:30 UTC the next day.
        _data.Write("anket.csv", "id,yanit_zamani\n1,2025-03-01T12:30:00+03:00\n2,2025-03-01T09:30:00Z\n3,2025-03-31T23:30:00-05:00\n");

        _data.LoadOk("""
            source responses from "anket.csv" {
              key id: integer
              time responded_at = "yanit_zamani": timestamp
            }
            """);

        Assert.Equal("TIMESTAMP WITH TIME ZONE", ColumnType("responses", "responded_at"));
        Assert.Equal(["1|2025-03-01 09:30:00+00", "2|2025-03-01 09:30:00+00", "3|2025-04-01 04:30:00+00"],
            _data.Rows("SELECT id, CAST(responded_at AS VARCHAR) FROM responses ORDER BY id"));
        Assert.Equal(1, _data.Warehouse.Scalar<long>("SELECT count(DISTINCT responded_at) FROM responses WHERE id <= 2"));
    }

    [Fact]
    public void Timestamps_without_offset_are_read_in_the_source_time_zone_Istanbul_is_utc_plus_three()
    {
        // Istanbul has been UTC+3 all year since 2016: 12:30 there is 09:30 UTC, and a bare date is its midnight,
        // 21:00 UTC the day before. A written offset still wins over the source's zone.
        _data.Write("anket.csv", "id,yanit_zamani\n1,2025-03-01 12:30:00\n2,2025-03-01\n3,2025-03-01T12:30:00Z\n");

        _data.LoadOk("""
            source responses from "anket.csv" {
              options { timezone "Europe/Istanbul" }
              key id: integer
              time responded_at = "yanit_zamani": timestamp
            }
            """);

        Assert.Equal(["1|2025-03-01 09:30:00+00", "2|2025-02-28 21:00:00+00", "3|2025-03-01 12:30:00+00"],
            _data.Rows("SELECT id, CAST(responded_at AS VARCHAR) FROM responses ORDER BY id"));
    }

    [Fact]
    public void Timestamps_without_offset_default_to_utc()
    {
        _data.Write("anket.csv", "id,yanit_zamani\n1,2025-03-01 12:30:00\n");

        _data.LoadOk("""
            source responses from "anket.csv" {
              key id: integer
              time responded_at = "yanit_zamani": timestamp
            }
            """);

        Assert.Equal(["2025-03-01 12:30:00+00"], _data.Rows("SELECT CAST(responded_at AS VARCHAR) FROM responses"));
    }

    [Fact]
    public void Timestamp_with_format_is_read_in_the_source_time_zone_and_sql_keywords_work_as_field_names()
    {
        _data.Write("olaylar.csv", "id,zaman\n1,01.03.2025 12:30\n");

        _data.LoadOk("""
            source events from "olaylar.csv" {
              options { timezone "Europe/Istanbul" }
              key id: integer
              time at = "zaman": timestamp format "%d.%m.%Y %H:%M"
            }
            """);

        Assert.Equal(["2025-03-01 09:30:00+00"], _data.Rows("SELECT CAST(\"at\" AS VARCHAR) FROM events"));
    }

    [Fact]
    public void Renamed_columns_are_stored_under_the_logical_name_only()
    {
        _data.Write("musteriler.csv", "musteri_no,paket\nM1,pro\n");

        _data.LoadOk("""
            source customers from "musteriler.csv" {
              key id = "musteri_no"
              column plan = "paket"
            }
            """);

        Assert.Equal(["id", "plan"],
            _data.Rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'customers' ORDER BY ordinal_position"));
        Assert.Equal(["M1|pro"], _data.Rows("SELECT id, plan FROM customers"));
    }

    [Fact]
    public void Default_fills_blank_and_whitespace_only_cells_but_keeps_written_values()
    {
        _data.Write("cx_giderleri.csv", "donem,kampanya_gideri,destek_gideri\n2025-01,,\n2025-02,  ,7\n2025-03,250,\n");

        _data.LoadOk("""
            source costs from "cx_giderleri.csv" {
              time booked = "donem": date format "%Y-%m"
              column campaign = "kampanya_gideri": decimal default 0
              column support = "destek_gideri": decimal
            }
            """);

        // campaign: blank -> 0; support has no default, so blank stays null.
        Assert.Equal(["0|null", "0|7", "250|null"], _data.Rows("SELECT campaign, support FROM costs ORDER BY booked"));
    }

    [Fact]
    public void Text_columns_keep_inner_spaces_and_turkish_letters_but_lose_surrounding_blanks()
    {
        _data.Write("ayrilislar.csv", "musteri_no,neden\nM1,  diğer sebep \nM2,\n");

        _data.LoadOk("""
            source churns from "ayrilislar.csv" {
              key musteri_no
              column reason = "neden"
            }
            """);

        Assert.Equal(["M1|diğer sebep", "M2|null"], _data.Rows("SELECT * FROM churns ORDER BY musteri_no"));
    }
}
