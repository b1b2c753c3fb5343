namespace CxReports.Engine.Tests.Loading;

/// <summary>JSON, NDJSON and Parquet sources, globs over several files, and sources that declare no columns.</summary>
public sealed class OtherFormatTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private const string ResponseFields = """
          key id: integer
          column customer = "musteri_no"
          column score = "puan": integer range 0 .. 10
          time responded_at = "zaman": timestamp
        """;

    private const string ResponseRows = "SELECT id, customer, score, CAST(responded_at AS VARCHAR) FROM responses ORDER BY id";

    [Fact]
    public void Ndjson_extension_reads_one_object_per_line_and_a_missing_key_is_blank()
    {
        _data.Write("anket.ndjson",
            "{\"id\": 1, \"musteri_no\": \"M1\", \"puan\": 9, \"zaman\": \"2025-03-01T12:00:00+03:00\", \"extra\": {\"a\": 1}}\n" +
            "{\"id\": 2, \"puan\": 4, \"zaman\": \"2025-03-02T08:00:00Z\"}\n");

        _data.LoadOk($"source responses from \"anket.ndjson\" {{\n{ResponseFields}\n}}");

        Assert.Equal(["1|M1|9|2025-03-01 09:00:00+00", "2|null|4|2025-03-02 08:00:00+00"], _data.Rows(ResponseRows));
    }

    [Fact]
    public void Json_extension_reads_a_top_level_array_of_objects()
    {
        _data.Write("anket.json", """
            [
              {"id": 1, "musteri_no": "M1", "puan": 9, "zaman": "2025-03-01T12:00:00+03:00"},
              {"id": 2, "musteri_no": "M2", "puan": 0, "zaman": "2025-03-02T08:00:00Z"}
            ]
            """);

        _data.LoadOk($"source responses from \"anket.json\" {{\n{ResponseFields}\n}}");

        Assert.Equal(["1|M1|9|2025-03-01 09:00:00+00", "2|M2|0|2025-03-02 08:00:00+00"], _data.Rows(ResponseRows));
    }

    [Fact]
    public void Format_clause_reads_a_file_whose_extension_says_nothing()
    {
        _data.Write("export.txt", "id;puan\n1;7\n");

        _data.LoadOk("""
            source responses from "export.txt" format csv {
              options { delimiter ";" }
              key id: integer
              column score = "puan": integer
            }
            """);

        Assert.Equal(["1|7"], _data.Rows("SELECT * FROM responses"));
    }

    private void WriteParquet(string relative, string select) =>
        _data.Warehouse.Execute($"COPY ({select}) TO '{Path.Combine(_data.Root, relative)}' (FORMAT parquet)");

    [Fact]
    public void Parquet_columns_of_any_type_convert_to_the_declared_types()
    {
        WriteParquet("anket.parquet", """
            SELECT * FROM (VALUES
                (1::BIGINT, 'M1', 9::INTEGER, TIMESTAMPTZ '2025-03-01 09:00:00+00', 12.5::DOUBLE, DATE '2025-03-01', true),
                (2::BIGINT, 'M2', 0::INTEGER, TIMESTAMPTZ '2025-03-31 23:30:00+00', 0.25::DOUBLE, DATE '2025-03-31', false))
              AS t(id, musteri_no, puan, zaman, tutar, gun, aktif)
            """);

        _data.LoadOk($$"""
            source responses from "anket.parquet" {
            {{ResponseFields}}
              column amount = "tutar": decimal
              column day = "gun": date
              column active = "aktif": boolean
            }
            """);

        Assert.Equal(["1|M1|9|2025-03-01 09:00:00+00|12.5|2025-03-01|true", "2|M2|0|2025-03-31 23:30:00+00|0.25|2025-03-31|false"],
            _data.Rows("SELECT id, customer, score, CAST(responded_at AS VARCHAR), amount, CAST(day AS VARCHAR), active FROM responses ORDER BY id"));
    }

    [Fact]
    public void Parquet_errors_name_the_row_number_where_a_text_file_names_the_line()
    {
        WriteParquet("anket.parquet", "SELECT * FROM (VALUES (1, 'M1', 9, '2025-03-01T09:00:00Z'), (2, 'M2', 11, '2025-03-01T09:00:00Z')) AS t(id, musteri_no, puan, zaman)");

        var outcome = _data.Load($"source responses from \"anket.parquet\" {{\n{ResponseFields}\n}}");

        Assert.Equal(["anket.parquet:2:3: error CXR107: column 'puan' value '11': outside the range 0 .. 10"], TempDataDirectory.Headlines(outcome));
    }

    [Fact]
    public void Glob_loads_every_matching_file_matching_columns_by_name_not_position()
    {
        _data.Write("faturalar/2025-01.csv", "belge_no;musteri_no;tutar\nF1;M1;100,50\nF2;M2;20\n");
        _data.Write("faturalar/2025-02.csv", "tutar;belge_no;musteri_no\n7,25;F3;M1\n");
        _data.Write("faturalar/okubeni.txt", "not part of the glob");

        var outcome = _data.LoadOk("""
            source invoices from "faturalar/*.csv" {
              options { delimiter ";" }
              key invoice_id = "belge_no"
              column customer = "musteri_no"
              column amount = "tutar": decimal format ","
            }
            """);

        Assert.Equal(2, outcome.Files);
        Assert.Equal(3, outcome.Rows);
        Assert.Equal(["F1|M1|100.5", "F2|M2|20", "F3|M1|7.25"], _data.Rows("SELECT * FROM invoices ORDER BY invoice_id"));
    }

    [Fact]
    public void Source_without_column_lines_loads_every_column_with_duckdbs_detected_type()
    {
        _data.Write("olaylar.csv", "id,ad,tutar,gun,aktif\n1,açılış,12.5,2025-03-01,true\n2,kapanış,3,2025-03-02,false\n");

        var outcome = _data.LoadOk("""
            source events from "olaylar.csv" {
            }
            """);

        Assert.Equal(2, outcome.Rows);
        Assert.Equal(["id|BIGINT", "ad|VARCHAR", "tutar|DOUBLE", "gun|DATE", "aktif|BOOLEAN"],
            _data.Rows("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'events' ORDER BY ordinal_position"));
        Assert.Equal(["1|açılış|12.5|2025-03-01|true", "2|kapanış|3|2025-03-02|false"],
            _data.Rows("SELECT id, ad, tutar, CAST(gun AS VARCHAR), aktif FROM events ORDER BY id"));
    }
}
