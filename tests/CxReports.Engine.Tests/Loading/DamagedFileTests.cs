using CxReports.Engine.Loading;

namespace CxReports.Engine.Tests.Loading;

/// <summary>A damaged export ends its source's load with one line naming it; the previous table stays and no work file is left.</summary>
public sealed class DamagedFileTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private const string Invoices = """
        source invoices from "faturalar/*.parquet" {
          key belge_no
          column amount = "tutar": decimal
        }
        """;

    private string WriteParquet(string relative, string select)
    {
        var path = Path.Combine(_data.Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _data.Warehouse.Execute($"COPY ({select}) TO '{path}' (FORMAT parquet)");
        return path;
    }

    [Fact]
    public void A_truncated_parquet_file_of_a_glob_is_one_line_naming_it_and_the_table_keeps_its_rows()
    {
        WriteParquet("faturalar/2025-01.parquet", "SELECT 'F1' AS belge_no, 10.5 AS tutar");
        var second = WriteParquet("faturalar/2025-02.parquet", "SELECT 'F' || i AS belge_no, i * 1.5 AS tutar FROM range(2, 1000) t(i)");
        Assert.Equal(999, _data.LoadOk(Invoices).Rows);
        var bytes = File.ReadAllBytes(second);
        File.WriteAllBytes(second, bytes[..(bytes.Length / 2)]);

        var outcome = _data.Load(Invoices);

        var error = Assert.Single(TempDataDirectory.Headlines(outcome));
        Assert.StartsWith($"faturalar{Path.DirectorySeparatorChar}2025-02.parquet:1:1: error CXR111: source 'invoices': ", error);
        Assert.DoesNotContain(_data.Root, error);
        Assert.DoesNotContain("\n", error);
        Assert.Equal(999, _data.Warehouse.Scalar<long>("SELECT count(*) FROM invoices"));
        Assert.Equal(LoadStatus.Failed, outcome.Status);
    }
}
