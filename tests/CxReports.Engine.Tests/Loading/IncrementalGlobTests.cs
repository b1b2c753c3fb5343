using System.Text;
using CxReports.Engine.Loading;

namespace CxReports.Engine.Tests.Loading;

/// <summary>
/// A source over a glob reads again only the files that are new or changed; the table is the same as a full
/// load's, and a changed or removed file's rows are replaced or gone.
/// </summary>
public sealed class IncrementalGlobTests : IDisposable
{
    private readonly TempDataDirectory _data = new();
    private readonly TempDataDirectory _full = new();

    public void Dispose()
    {
        _data.Dispose();
        _full.Dispose();
    }

    private const string Invoices = """
        source invoices from "faturalar/*.csv" {
          options { delimiter ";" }
          key belge_no
          column amount = "tutar": decimal format "," thousands "."
          column month = "ay"
        }
        """;

    private static string Month(int month, int rows, int first = 0) =>
        "belge_no;tutar;ay\r\n" + string.Concat(Enumerable.Range(first, rows).Select(i => $"F{month:00}-{i};1.{i % 1000:000},50;{month}\r\n"));

    private void Write(string name, string text)
    {
        _data.Write($"faturalar/{name}", text);
        _full.Write($"faturalar/{name}", text);
    }

    /// <summary>Loads incrementally into one warehouse and fully (forced) into the other, and checks both tables are equal.</summary>
    private LoadOutcome LoadBoth()
    {
        var incremental = _data.Load(Invoices);
        _full.Load(Invoices, force: true);
        const string all = "SELECT * FROM invoices ORDER BY belge_no";
        Assert.Equal(_full.Rows(all), _data.Rows(all));
        return incremental;
    }

    private string Staged() => string.Join(",", _data.Warehouse.Staging.Query(
        "SELECT DISTINCT _cxr_file FROM _cxr_parts_invoices ORDER BY 1", r => r.GetString(0)));

    [Fact]
    public void A_changed_file_replaces_its_rows_a_removed_file_loses_them_and_a_new_file_adds_them_as_a_full_load_would()
    {
        for (var m = 1; m <= 3; m++) Write($"2025-{m:00}.csv", Month(m, 50));
        Assert.Equal(150, LoadBoth().Rows);

        Write("2025-02.csv", Month(2, 20, first: 10)); // changed: F02-0..9 and F02-30..49 gone, F02-10..29 kept
        Assert.Equal(120, LoadBoth().Rows);

        File.Delete(Path.Combine(_data.Root, "faturalar", "2025-01.csv"));
        File.Delete(Path.Combine(_full.Root, "faturalar", "2025-01.csv"));
        Write("2025-04.csv", Month(4, 5));
        Assert.Equal(75, LoadBoth().Rows);
        var s = Path.DirectorySeparatorChar;
        Assert.Equal($"faturalar{s}2025-02.csv,faturalar{s}2025-03.csv,faturalar{s}2025-04.csv", Staged());
    }

    [Fact]
    public void Only_the_changed_file_is_read_again()
    {
        for (var m = 1; m <= 3; m++) Write($"2025-{m:00}.csv", Month(m, 10));
        LoadBoth();
        var statements = new List<string>();
        ((Engine.Warehouse.DuckDbWarehouse)_data.Warehouse).Trace = (sql, _) => statements.Add(sql);

        Write("2025-03.csv", Month(3, 12));
        LoadBoth();

        var reads = statements.Where(s => s.Contains("read_csv", StringComparison.Ordinal)).ToList();
        var read = Assert.Single(reads);
        Assert.Contains("2025-03.csv", read);
    }

    [Fact]
    public void A_duplicate_key_across_a_kept_file_and_a_new_one_is_found_and_nothing_changes()
    {
        Write("2025-01.csv", Month(1, 5));
        LoadBoth();
        _data.Write("faturalar/2025-02.csv", "belge_no;tutar;ay\nF02-0;1,00;2\nF01-3;2,00;2\n");

        var outcome = _data.Load(Invoices);

        var s = Path.DirectorySeparatorChar;
        Assert.Equal([$"faturalar{s}2025-02.csv:3:1: error CXR109: column 'belge_no' value 'F01-3': duplicate key, first seen on line 5 of faturalar{s}2025-01.csv"],
            TempDataDirectory.Headlines(outcome));
        Assert.Equal(5, _data.Warehouse.Scalar<long>("SELECT count(*) FROM invoices"));
    }

    [Fact]
    public void A_new_file_with_a_bad_row_fails_and_the_next_good_load_matches_a_full_one()
    {
        Write("2025-01.csv", Month(1, 5));
        LoadBoth();
        _data.Write("faturalar/2025-02.csv", "belge_no;tutar;ay\nF02-0;1.49,90;2\n");
        Assert.Equal([$"faturalar{Path.DirectorySeparatorChar}2025-02.csv:2:2: error CXR105: column 'tutar' value '1.49,90': not a valid decimal number with a decimal comma and '.' between thousands (1.234,50)"],
            TempDataDirectory.Headlines(_data.Load(Invoices)));

        Write("2025-02.csv", "belge_no;tutar;ay\nF02-0;1.499,90;2\n");
        Assert.Equal(6, LoadBoth().Rows);
    }

    [Fact]
    public void A_changed_field_rule_reads_every_file_again()
    {
        Write("2025-01.csv", Month(1, 5));
        Write("2025-02.csv", Month(2, 5));
        LoadBoth();

        var outcome = _data.Load(Invoices.Replace("column month = \"ay\"", "column month = \"ay\": integer range 1 .. 1"));

        Assert.Equal(5, outcome.ErrorCount); // every row of the unchanged 2025-02.csv is checked against the new rule
    }
}
