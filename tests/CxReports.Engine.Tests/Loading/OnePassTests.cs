using CxReports.Engine.Loading;
using System.Text;

namespace CxReports.Engine.Tests.Loading;

/// <summary>
/// Every defect of every file of a source is named in one load, sorted by file and physical line: records that
/// break the file's shape (too few or too many fields, a broken quote) together with the values that break a
/// rule, each with its column and value, whatever lies before it (BOM, CRLF, blank lines, values spanning lines).
/// </summary>
public sealed class OnePassTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private const string Survey = """
        source responses from "anket.csv" {
          key id: integer
          column customer = "musteri_no" required
          column answered = "tarih": date
          column channel = "kanal": text in ("e-posta", "sms", "web")
          column score = "puan": integer range 0 .. 10
          column effort = "efor": integer range 1 .. 7
        }
        """;

    [Fact]
    public void A_survey_export_with_broken_records_and_bad_values_reports_every_one_by_physical_line()
    {
        var content = "\uFEFFid,musteri_no,tarih,kanal,puan,efor,yorum\r\n" + // 1 (byte order mark, CRLF)
                      "1,M001,2025-03-01,e-posta,9,2,\"İyi\"\r\n" +          // 2
                      "2,M002,2025-03-02,sms,11,3,\r\n" +                    // 3: score out of range
                      "\r\n" +                                               // 4: blank
                      "3,M003,2025-03-03,web,7,2,\"çok\r\nuzun\r\nyorum\"\r\n" + // 5-7
                      "4,M004,2025-03-04,web,8\r\n" +                        // 8: two fields short
                      "5,,2025-03-05,web,5,4,ok\r\n" +                       // 9: customer blank
                      "6,M006,2025-13-01,web,5,4,ok\r\n" +                   // 10: not a date
                      "7,M007,2025-03-07,faks,5,9,\"iki\r\nsatır\"\r\n" +    // 11-12: channel and effort
                      "8,M008,2025-03-08,web,5,4,\"fazla\",x\r\n" +          // 13: one field too many
                      "9,M009,2025-03-09,web,\"5\"x,4,ok\r\n" +              // 14: text after a closing quote
                      "6,M010,2025-03-10,web,5,4,ok\r\n" +                   // 15: key 6 again
                      "999,M001,not-a-date,e-posta,9,4,ok\r\n";              // 16: not a date
        _data.Write("anket.csv", content);

        var outcome = _data.Load(Survey);

        Assert.Equal([
            "anket.csv:3:5: error CXR107: column 'puan' value '11': outside the range 0 .. 10",
            "anket.csv:8:6: error CXR111: source 'responses': the line has 5 fields but the header has 7 (fields are separated by ','); the line reads '4,M004,2025-03-04,web,8'",
            "anket.csv:9:2: error CXR106: column 'musteri_no' is blank, but the column is required",
            "anket.csv:10:3: error CXR105: column 'tarih' value '2025-13-01': not a valid date (YYYY-MM-DD)",
            "anket.csv:11:4: error CXR108: column 'kanal' value 'faks': not one of \"e-posta\", \"sms\", \"web\"",
            "anket.csv:11:6: error CXR107: column 'efor' value '9': outside the range 1 .. 7",
            "anket.csv:13:8: error CXR111: source 'responses': the line has 8 fields but the header has 7 (fields are separated by ','); the extra text is 'x'",
            "anket.csv:14:5: error CXR111: source 'responses': a quoted value is followed by more text before the next ',' (a quote inside quotes is written twice: \"\"); the value reads '5x'",
            "anket.csv:15:1: error CXR109: column 'id' value '6': duplicate key, first seen on line 10",
            "anket.csv:16:3: error CXR105: column 'tarih' value 'not-a-date': not a valid date (YYYY-MM-DD)",
        ], TempDataDirectory.Headlines(outcome));
        Assert.Equal(10, outcome.ErrorCount);
        Assert.False(_data.Warehouse.TableExists("responses"));
    }

    [Fact]
    public void One_bad_value_at_the_end_of_a_small_export_is_named_by_line_column_and_value_not_a_sniffer_error()
    {
        var content = new StringBuilder("id,musteri_no,tarih,kanal,puan,efor\n");
        for (var i = 1; i <= 124; i++) content.Append($"{i},M{i:000},2025-03-{i % 28 + 1:00},web,{i % 11},{i % 7 + 1}\n");
        content.Append("999,M001,not-a-date,e-posta,9,4\n"); // line 126
        _data.Write("anket.csv", content.ToString());

        var outcome = _data.Load(Survey);

        Assert.Equal(["anket.csv:126:3: error CXR105: column 'tarih' value 'not-a-date': not a valid date (YYYY-MM-DD)"],
            TempDataDirectory.Headlines(outcome));
    }

    [Fact]
    public void Thousands_of_broken_and_bad_rows_are_counted_in_one_pass_and_the_first_hundred_shown_in_line_order()
    {
        var content = new StringBuilder("id,puan\n");
        for (var k = 1; k <= 3000; k++) content.Append(k % 2 == 1 ? $"{k},x\n" : $"{k}\n"); // odd: bad score; even: short
        _data.Write("toplu.csv", content.ToString());

        var outcome = _data.Load("""
            source responses from "toplu.csv" {
              key id: integer
              column score = "puan": integer
            }
            """);

        var headlines = TempDataDirectory.Headlines(outcome);
        Assert.Equal(3000, outcome.ErrorCount);
        Assert.Equal(101, headlines.Count);
        Assert.Equal("toplu.csv:2:2: error CXR105: column 'puan' value 'x': not a valid whole number", headlines[0]);
        Assert.Equal("toplu.csv:3:2: error CXR111: source 'responses': the line has 1 field but the header has 2 (fields are separated by ','); the line reads '2'", headlines[1]);
        Assert.Equal("toplu.csv:101:2: error CXR111: source 'responses': the line has 1 field but the header has 2 (fields are separated by ','); the line reads '100'", headlines[99]);
        Assert.Equal("toplu.csv:1:1: error CXR113: source 'responses': 3000 errors in all, the first 100 shown", headlines[100]);
    }

    [Fact]
    public void Defects_of_all_files_of_a_glob_are_sorted_by_file_then_line()
    {
        _data.Write("faturalar/2025-01.csv", "belge_no,tutar\nF1,10,fazla\nF2,on\n");
        _data.Write("faturalar/2025-02.csv", "belge_no,tutar\r\nF3\r\nF4,\"40\r\n");

        var outcome = _data.Load("""
            source invoices from "faturalar/*.csv" {
              key belge_no
              column amount = "tutar": decimal
            }
            """);

        var s = Path.DirectorySeparatorChar;
        Assert.Equal([
            $"faturalar{s}2025-01.csv:2:3: error CXR111: source 'invoices': the line has 3 fields but the header has 2 (fields are separated by ','); the extra text is 'fazla'",
            $"faturalar{s}2025-01.csv:3:2: error CXR105: column 'tutar' value 'on': not a valid decimal number (1234.50)",
            $"faturalar{s}2025-02.csv:2:2: error CXR111: source 'invoices': the line has 1 field but the header has 2 (fields are separated by ','); the line reads 'F3'",
            $"faturalar{s}2025-02.csv:3:2: error CXR111: source 'invoices': the quoted value that starts on line 3 is never closed; the value reads '40\\n'",
        ], TempDataDirectory.Headlines(outcome));
    }

    [Fact]
    public void A_long_bad_value_is_cut_in_the_message_with_its_length()
    {
        _data.Write("anket.csv", "id,puan\n1," + new string('9', 30) + "x" + new string('9', 69) + "\n");

        var outcome = _data.Load("""
            source responses from "anket.csv" {
              key id: integer
              column score = "puan": integer
            }
            """);

        Assert.Equal([$"anket.csv:2:2: error CXR105: column 'puan' value '{new string('9', 30)}x{new string('9', 29)}... (100 characters)': not a valid whole number"],
            TempDataDirectory.Headlines(outcome));
    }

    [Fact]
    public void No_work_file_is_left_behind_after_a_failed_load()
    {
        _data.Write("anket.csv", "id,puan\n1,2,3\n2,x\n");

        Assert.Equal(2, _data.Load("""
            source responses from "anket.csv" {
              key id: integer
              column score = "puan": integer
            }
            """).ErrorCount);

        var work = Path.Combine(_data.Root, "cxreports-work");
        Assert.Empty(Directory.GetFiles(work));
    }

    [Fact]
    public void A_record_longer_than_a_reader_takes_is_named_by_its_physical_line_and_true_length_with_the_other_defects()
    {
        // A missing line break turned line 4 into 3 MB: DuckDB says "Line: 4 ... 3000002 bytes" or, longer, nothing useful.
        _data.Write("anket.csv", "id,puan\r\n1,5\r\n\r\n3," + new string('9', 3_000_000) + "\r\n4,x\r\n");

        var outcome = _data.Load("""
            source responses from "anket.csv" {
              key id: integer
              column score = "puan": integer
            }
            """);

        Assert.Equal([
            "anket.csv:4:1: error CXR111: source 'responses': the record is 3,000,002 bytes long, more than the 2,000,000 a record may have " +
            $"(a line break or closing quote missing?); it starts '3,{new string('9', 58)}...'",
            "anket.csv:5:2: error CXR105: column 'puan' value 'x': not a valid whole number",
        ], TempDataDirectory.Headlines(outcome));
    }

    [Fact]
    public void Data_and_warehouse_directories_with_glob_characters_load_and_report_exactly()
    {
        // DuckDB would read "veri[2025]/..." and the error path's work file "depo[1]/..." as globs, and its sandbox
        // allows the directories as written: both are escaped, and allowed escaped too.
        var data = Directory.CreateDirectory(Path.Combine(_data.Root, "veri[2025]")).FullName;
        File.WriteAllText(Path.Combine(data, "anket.csv"), "id,puan\n1,2,3\n2,x\n");
        using var warehouse = Engine.Warehouse.DuckDbWarehouse.Open(new Engine.Warehouse.WarehouseOptions(data, Path.Combine(_data.Root, "depo[1]", "cxreports.duckdb")));

        var outcome = new WarehouseLoader(warehouse, TimeProvider.System).LoadAll(TempDataDirectory.Compile("""
            source responses from "anket.csv" {
              key id: integer
              column score = "puan": integer
            }
            """), force: false).Single();

        Assert.Equal([
            "anket.csv:2:3: error CXR111: source 'responses': the line has 3 fields but the header has 2 (fields are separated by ','); the extra text is '3'",
            "anket.csv:3:2: error CXR105: column 'puan' value 'x': not a valid whole number",
        ], TempDataDirectory.Headlines(outcome));
        File.WriteAllText(Path.Combine(data, "anket.csv"), "id,puan\n1,2\n2,3\n");
        Assert.Equal(2, new WarehouseLoader(warehouse, TimeProvider.System).LoadAll(TempDataDirectory.Compile("""
            source responses from "anket.csv" {
              key id: integer
              column score = "puan": integer
            }
            """), force: false).Single().Rows);
    }

    [Fact]
    public void The_null_text_of_a_broken_tab_separated_file_is_blank_on_the_error_path_too()
    {
        _data.Write("anket.tsv", "id\tpuan\n1\t-\n2\t3\t4\n3\t\"-\"\n");

        var outcome = _data.Load("""
            source responses from "anket.tsv" {
              options { null "-" }
              key id: integer
              column score = "puan": integer required
            }
            """);

        Assert.Equal([
            "anket.tsv:2:2: error CXR106: column 'puan' is blank, but the column is required",
            "anket.tsv:3:3: error CXR111: source 'responses': the line has 3 fields but the header has 2 (fields are separated by '\\t'); the extra text is '4'",
            "anket.tsv:4:2: error CXR106: column 'puan' is blank, but the column is required",
        ], TempDataDirectory.Headlines(outcome));
    }
}
