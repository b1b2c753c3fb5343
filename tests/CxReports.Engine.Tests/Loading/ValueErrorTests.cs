using CxReports.Engine.Loading;

namespace CxReports.Engine.Tests.Loading;

/// <summary>
/// Rows that do not convert or break a rule: each is reported as <c>file:physical line:column</c> with the value
/// and the reason, all of them in one pass, and the source fails as a whole.
/// </summary>
public sealed class ValueErrorTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private List<string> Errors(string file, string content, string cxr)
    {
        _data.Write(file, content);
        var outcome = _data.Load(cxr);
        var headlines = TempDataDirectory.Headlines(outcome);
        Assert.Equal(headlines.Count, outcome.ErrorCount);
        Assert.Equal(0, outcome.Rows);
        Assert.False(_data.Warehouse.TableExists(outcome.Source)); // nothing was ever loaded
        return headlines;
    }

    [Fact]
    public void Impossible_date_31_02_is_reported_with_line_column_and_value()
    {
        var errors = Errors("musteriler.csv", "musteri_no,paket,kayit_tarihi\nM1,basic,31.01.2025\nM2,pro,31.02.2025\n", """
            source customers from "musteriler.csv" {
              key musteri_no
              column plan = "paket"
              time signup = "kayit_tarihi": date format "%d.%m.%Y"
            }
            """);

        Assert.Equal(["musteriler.csv:3:3: error CXR105: column 'kayit_tarihi' value '31.02.2025': not a valid date in the format \"%d.%m.%Y\""], errors);
    }

    [Fact]
    public void Integer_column_rejects_text_and_fractions_instead_of_rounding_them()
    {
        var errors = Errors("musteriler.csv", "musteri_no,yas\nM1,34\nM2,abc\nM3,12.5\n", """
            source customers from "musteriler.csv" {
              key musteri_no
              column age = "yas": integer
            }
            """);

        Assert.Equal([
            "musteriler.csv:3:2: error CXR105: column 'yas' value 'abc': not a valid whole number",
            "musteriler.csv:4:2: error CXR105: column 'yas' value '12.5': not a valid whole number",
        ], errors);
    }

    [Fact]
    public void Decimal_comma_column_rejects_a_decimal_point_and_thousands_separators()
    {
        var errors = Errors("faturalar.csv", "belge_no;tutar\nF1;1234,50\nF2;1234.50\nF3;1.234,50\n", """
            source invoices from "faturalar.csv" {
              options { delimiter ";" }
              key belge_no
              column amount = "tutar": decimal format ","
            }
            """);

        Assert.Equal([
            "faturalar.csv:3:2: error CXR105: column 'tutar' value '1234.50': not a valid decimal number with a decimal comma (1234,50)",
            "faturalar.csv:4:2: error CXR105: column 'tutar' value '1.234,50': not a valid decimal number with a decimal comma (1234,50)",
        ], errors);
    }

    [Fact]
    public void Decimal_point_column_rejects_a_decimal_comma()
    {
        var errors = Errors("faturalar.csv", "belge_no;tutar\nF1;12.5\nF2;12,5\n", """
            source invoices from "faturalar.csv" {
              options { delimiter ";" }
              key belge_no
              column amount = "tutar": decimal
            }
            """);

        Assert.Equal(["faturalar.csv:3:2: error CXR105: column 'tutar' value '12,5': not a valid decimal number (1234.50)"], errors);
    }

    [Fact]
    public void Required_column_blank_or_only_spaces_is_reported_on_each_line()
    {
        var errors = Errors("faturalar.csv", "belge_no,tur\nF1,abonelik\nF2,\nF3,   \n,tek\n", """
            source invoices from "faturalar.csv" {
              key invoice_id = "belge_no"
              column kind = "tur" required
            }
            """);

        Assert.Equal([
            "faturalar.csv:3:2: error CXR106: column 'tur' is blank, but the column is required",
            "faturalar.csv:4:2: error CXR106: column 'tur' is blank, but the column is required",
            "faturalar.csv:5:1: error CXR106: column 'belge_no' is blank, but the column is required", // a key is required
        ], errors);
    }

    [Fact]
    public void Value_outside_the_range_is_reported_with_the_range_both_ends_included()
    {
        var errors = Errors("anket.csv", "id,puan\n1,10\n2,11\n3,-1\n4,0\n", """
            source responses from "anket.csv" {
              key id: integer
              column score = "puan": integer required range 0 .. 10
            }
            """);

        Assert.Equal([
            "anket.csv:3:2: error CXR107: column 'puan' value '11': outside the range 0 .. 10",
            "anket.csv:4:2: error CXR107: column 'puan' value '-1': outside the range 0 .. 10",
        ], errors);
    }

    [Fact]
    public void Value_not_in_the_list_is_reported_with_the_allowed_values_and_case_matters()
    {
        var errors = Errors("ayrilislar.csv", "musteri_no,neden\nM1,fiyat\nM2,Fiyat\nM3,diğer\n", """
            source churns from "ayrilislar.csv" {
              key musteri_no
              column reason = "neden" required in ("fiyat", "hizmet", "rakip", "diğer")
            }
            """);

        Assert.Equal(["ayrilislar.csv:3:2: error CXR108: column 'neden' value 'Fiyat': not one of \"fiyat\", \"hizmet\", \"rakip\", \"diğer\""], errors);
    }

    [Fact]
    public void Duplicate_key_is_reported_on_every_occurrence_after_the_first_naming_the_first_line()
    {
        var errors = Errors("musteriler.csv", "musteri_no,paket\nA,basic\nB,pro\nA,pro\nA,basic\nB,basic\nC,pro\n", """
            source customers from "musteriler.csv" {
              key musteri_no
              column plan = "paket"
            }
            """);

        Assert.Equal([
            "musteriler.csv:4:1: error CXR109: column 'musteri_no' value 'A': duplicate key, first seen on line 2",
            "musteriler.csv:5:1: error CXR109: column 'musteri_no' value 'A': duplicate key, first seen on line 2",
            "musteriler.csv:6:1: error CXR109: column 'musteri_no' value 'B': duplicate key, first seen on line 3",
        ], errors);
    }

    [Fact]
    public void Duplicate_key_across_the_files_of_a_glob_names_the_file_of_the_first_occurrence()
    {
        _data.Write("faturalar/2025-01.csv", "belge_no;tutar\nF1;10\nF2;20\n");
        var errors = Errors("faturalar/2025-02.csv", "tutar;belge_no\n30;F3\n40;F2\n", """
            source invoices from "faturalar/*.csv" {
              options { delimiter ";" }
              key invoice_id = "belge_no"
              column amount = "tutar": decimal
            }
            """);

        Assert.Equal(["faturalar/2025-02.csv:3:2: error CXR109: column 'belge_no' value 'F2': duplicate key, first seen on line 3 of faturalar/2025-01.csv"], errors);
    }

    [Fact]
    public void Required_link_without_a_matching_key_is_reported_and_an_optional_link_is_not()
    {
        _data.Write("musteriler.csv", "musteri_no\nM1\nM2\n");
        _data.Write("ayrilislar.csv", "musteri_no,neden\nM1,fiyat\nM9,rakip\n");
        _data.Write("anket.csv", "id,musteri_no\n1,M9\n");

        var outcomes = _data.LoadAll("""
            source churns from "ayrilislar.csv" {
              link customer = musteri_no -> customers required
              column reason = "neden"
            }
            source responses from "anket.csv" {
              key id: integer
              link customer = musteri_no -> customers
            }
            source customers from "musteriler.csv" { key musteri_no }
            """).ToDictionary(o => o.Source);

        Assert.Equal(LoadStatus.Loaded, outcomes["customers"].Status); // link targets load first
        Assert.Equal(["ayrilislar.csv:3:1: error CXR110: column 'musteri_no' value 'M9': no 'customers' has this key, and the link is required"],
            TempDataDirectory.Headlines(outcomes["churns"]));
        Assert.Equal(LoadStatus.Loaded, outcomes["responses"].Status); // M9 joins to nothing
    }

    [Fact]
    public void Several_broken_rules_in_one_file_are_all_reported_in_one_load_in_line_order()
    {
        var errors = Errors("anket.csv", "id,puan,kanal\n1,99,web\n1,5,\n", """
            source responses from "anket.csv" {
              key id: integer
              column score = "puan": integer range 0 .. 10
              column channel = "kanal" required
            }
            """);

        Assert.Equal([
            "anket.csv:2:2: error CXR107: column 'puan' value '99': outside the range 0 .. 10",
            "anket.csv:3:1: error CXR109: column 'id' value '1': duplicate key, first seen on line 2",
            "anket.csv:3:3: error CXR106: column 'kanal' is blank, but the column is required",
        ], errors);
    }

    [Fact]
    public void More_than_100_bad_rows_show_the_first_100_and_a_count_of_all()
    {
        // 150 rows, every one with a non-number score: rows on lines 2..151.
        var content = "id,puan\n" + string.Concat(Enumerable.Range(1, 150).Select(i => $"{i},bad{i}\n"));
        _data.Write("anket.csv", content);

        var outcome = _data.Load("""
            source responses from "anket.csv" {
              key id: integer
              column score = "puan": integer
            }
            """);

        var errors = TempDataDirectory.Headlines(outcome);
        Assert.Equal(150, outcome.ErrorCount);
        Assert.Equal(101, errors.Count);
        Assert.Equal("anket.csv:2:2: error CXR105: column 'puan' value 'bad1': not a valid whole number", errors[0]);
        Assert.Equal("anket.csv:101:2: error CXR105: column 'puan' value 'bad100': not a valid whole number", errors[99]);
        Assert.Equal("anket.csv:1:1: error CXR113: source 'responses': 150 errors in all, the first 100 shown", errors[100]);
    }
}
