using System.Text;
using CxReports.Engine.Loading;

namespace CxReports.Engine.Tests.Loading;

/// <summary>How CSV and TSV files are read: delimiters, quotes, headers, encodings and line layout.</summary>
public sealed class CsvFormatTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private const string Customers = """
        source customers from "musteriler.csv" {
          key musteri_no
          column plan = "paket"
          column monthly_fee = "aylik_ucret": decimal
        }
        """;

    [Fact]
    public void Csv_with_a_header_loads_the_declared_fields_under_their_logical_names()
    {
        _data.Write("musteriler.csv", "musteri_no,paket,aylik_ucret,ulke\nM1,basic,49.90,TR\nM2,pro,199.00,DE\n");

        var outcome = _data.LoadOk(Customers);

        Assert.Equal(2, outcome.Rows);
        Assert.Equal(["musteri_no", "plan", "monthly_fee"], // 'ulke' is not declared, so it is not loaded
            _data.Rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'customers' ORDER BY ordinal_position"));
        Assert.Equal(["M1|basic|49.9", "M2|pro|199"], _data.Rows("SELECT * FROM customers ORDER BY musteri_no"));
    }

    [Fact]
    public void Semicolon_delimiter_with_decimal_comma_reads_1234_comma_50_as_1234_point_5()
    {
        _data.Write("faturalar.csv", "belge_no;tutar\nF1;1234,50\nF2;-0,75\nF3;12\n");

        _data.LoadOk("""
            source invoices from "faturalar.csv" {
              options { delimiter ";" }
              key belge_no
              column amount = "tutar": decimal format ","
            }
            """);

        Assert.Equal(["F1|1234.5", "F2|-0.75", "F3|12"], _data.Rows("SELECT * FROM invoices ORDER BY belge_no"));
    }

    [Fact]
    public void Tsv_extension_means_tab_delimited_and_commas_stay_inside_values()
    {
        _data.Write("tickets.tsv", "id\tsubject\n1\tlate, again\n2\trefund\n");

        _data.LoadOk("""
            source tickets from "tickets.tsv" {
              key id: integer
              column subject
            }
            """);

        Assert.Equal(["1|late, again", "2|refund"], _data.Rows("SELECT * FROM tickets ORDER BY id"));
    }

    [Fact]
    public void Custom_quote_character_protects_delimiters_inside_single_quoted_values()
    {
        _data.Write("notes.csv", "id,note\n1,'price, then service'\n2,plain\n");

        _data.LoadOk("""
            source notes from "notes.csv" {
              options { quote "'" }
              key id: integer
              column note
            }
            """);

        Assert.Equal(["1|price, then service", "2|plain"], _data.Rows("SELECT * FROM notes ORDER BY id"));
    }

    [Fact]
    public void Utf8_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        _data.WriteBytes("musteriler.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("musteri_no,paket,aylik_ucret\nM1,başlangıç,10\n")]);

        _data.LoadOk(Customers);

        Assert.Equal(["M1|başlangıç|10"], _data.Rows("SELECT * FROM customers"));
    }

    [Fact]
    public void Crlf_line_endings_leave_no_carriage_return_in_the_last_column()
    {
        _data.Write("musteriler.csv", "musteri_no,paket,aylik_ucret\r\nM1,basic,10.5\r\nM2,pro,20\r\n");

        _data.LoadOk(Customers);

        Assert.Equal(["M1|basic|10.5", "M2|pro|20"], _data.Rows("SELECT * FROM customers ORDER BY musteri_no"));
    }

    [Fact]
    public void Blank_lines_between_records_are_not_rows()
    {
        _data.Write("musteriler.csv", "musteri_no,paket,aylik_ucret\nM1,basic,1\n\nM2,pro,2\n\n\nM3,pro,3\n\n");

        var outcome = _data.LoadOk(Customers);

        Assert.Equal(3, outcome.Rows);
        Assert.Equal(["M1", "M2", "M3"], _data.Rows("SELECT musteri_no FROM customers ORDER BY musteri_no"));
    }

    [Fact]
    public void Quoted_fields_may_span_lines_and_keep_their_line_breaks_and_doubled_quotes()
    {
        _data.Write("anket.csv", "id,yorum\n1,\"first line\nsecond \"\"quoted\"\" line\"\n2,short\n");

        _data.LoadOk("""
            source responses from "anket.csv" {
              key id: integer
              column comment = "yorum"
            }
            """);

        Assert.Equal(["1|first line\nsecond \"quoted\" line", "2|short"], _data.Rows("SELECT * FROM responses ORDER BY id"));
    }

    [Fact]
    public void Without_a_header_duckdb_names_the_columns_column0_column1_and_so_on()
    {
        // DuckDB's names for a headerless file: column0, column1, ... (zero-padded to two digits, column00, once a
        // file has 10 or more columns). The source refers to them by these names.
        _data.Write("kodlar.csv", "TR,Türkiye\nDE,Almanya\n");

        _data.LoadOk("""
            source countries from "kodlar.csv" {
              options { header false }
              key code = "column0"
              column name = "column1"
            }
            """);

        Assert.Equal(["DE|Almanya", "TR|Türkiye"], _data.Rows("SELECT * FROM countries ORDER BY code"));
    }

    [Fact]
    public void Skip_ignores_the_lines_above_the_header()
    {
        _data.Write("rapor.csv", "Report generated 2025-03-01\nby ERP export\nid,total\n1,10\n2,20\n");

        var outcome = _data.LoadOk("""
            source totals from "rapor.csv" {
              options { skip 2 }
              key id: integer
              column total: integer
            }
            """);

        Assert.Equal(2, outcome.Rows);
        Assert.Equal(["1|10", "2|20"], _data.Rows("SELECT * FROM totals ORDER BY id"));
    }

    [Fact]
    public void Latin1_encoded_file_reads_its_accented_letters_correctly()
    {
        // Latin-1 holds the Turkish letters ç, ö, ü (not ğ, ı, ş: those need ISO-8859-9, see EncodingTests).
        _data.WriteBytes("sehirler.csv", Encoding.Latin1.GetBytes("id,ad\n1,Çiçekçi Gönül\n2,Müller Köln\n"));

        _data.LoadOk("""
            source cities from "sehirler.csv" {
              options { encoding "latin-1" }
              key id: integer
              column name = "ad"
            }
            """);

        Assert.Equal(["1|Çiçekçi Gönül", "2|Müller Köln"], _data.Rows("SELECT * FROM cities ORDER BY id"));
    }

    [Fact]
    public void Backslash_escape_option_keeps_backslash_quoted_quotes_inside_a_value()
    {
        _data.Write("anket.csv", "id,yorum\n1,\"dedi ki \\\"iyi\\\"\"\n");

        _data.LoadOk("""
            source responses from "anket.csv" {
              options { escape "\\" }
              key id: integer
              column comment = "yorum"
            }
            """);

        Assert.Equal(["1|dedi ki \"iyi\""], _data.Rows("SELECT * FROM responses"));
    }

    [Fact]
    public void Null_option_names_the_text_that_means_blank_so_defaults_and_required_apply()
    {
        _data.Write("cx_giderleri.csv", "donem,kampanya_gideri,destek_gideri\n2025-01,-,5\n2025-02,40,-\n");

        _data.LoadOk("""
            source costs from "cx_giderleri.csv" {
              options { null "-" }
              time booked = "donem": date format "%Y-%m"
              column campaign = "kampanya_gideri": decimal default 0
              column support = "destek_gideri": decimal
            }
            """);

        Assert.Equal(["0|5", "40|null"], _data.Rows("SELECT campaign, support FROM costs ORDER BY booked"));
    }
}
