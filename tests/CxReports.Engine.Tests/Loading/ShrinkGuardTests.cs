using CxReports.Engine.Warehouse;
using CxReports.Engine.Loading;

namespace CxReports.Engine.Tests.Loading;

/// <summary>
/// A load that would empty a table, or drop more than the source's allowed share of its rows (50% by default), is
/// refused and the previous rows stay, unless this load is allowed to shrink or the source may shrink.
/// </summary>
public sealed class ShrinkGuardTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private const string Customers = """
        source customers from "musteriler.csv" {
          key musteri_no
          column plan = "paket"
        }
        """;

    private void Write(int rows) =>
        _data.Write("musteriler.csv", "musteri_no,paket\n" + string.Concat(Enumerable.Range(1, rows).Select(i => $"M{i},pro\n")));

    private long Rows() => _data.Warehouse.Scalar<long>("SELECT count(*) FROM customers");

    [Fact]
    public void A_header_only_export_does_not_replace_a_loaded_table_and_says_how_to_accept_it()
    {
        Write(3);
        _data.LoadOk(Customers);
        Write(0);

        var outcome = _data.Load(Customers);

        var refusal = Assert.Single(outcome.Diagnostics);
        Assert.Equal("musteriler.csv:1:1: error CXR116: source 'customers': refused to shrink: the load would replace 3 rows with 0 " +
                     "(drops 100%, more than the 50% a load may drop); the previous data is kept. If the files are right, load once with " +
                     "`cxr load --allow-shrink`, or let this source shrink: options { max_shrink 100% }", refusal.Headline);
        Assert.Equal(3, Rows());
        Assert.Equal("failed", _data.Warehouse.Log.LastAttempt("customers")!.Status.ToText());
        // Refused again on the next load: the table it guards is still the last good one.
        Assert.Equal(LoadStatus.Failed, _data.Load(Customers).Status);
    }

    [Fact]
    public void Dropping_half_the_rows_is_allowed_and_more_than_half_is_refused()
    {
        Write(10);
        _data.LoadOk(Customers);
        Write(5);
        Assert.Equal(5, _data.LoadOk(Customers).Rows);
        Write(2);

        var outcome = _data.Load(Customers);

        Assert.Equal("musteriler.csv:1:1: error CXR116: source 'customers': refused to shrink: the load would replace 5 rows with 2 " +
                     "(drops 60%, more than the 50% a load may drop); the previous data is kept. If the files are right, load once with " +
                     "`cxr load --allow-shrink`, or let this source shrink: options { max_shrink 100% }", Assert.Single(outcome.Diagnostics).Headline);
        Assert.Equal(5, Rows());
    }

    [Fact]
    public void One_load_allowed_to_shrink_replaces_the_table_with_the_empty_export()
    {
        Write(3);
        _data.LoadOk(Customers);
        Write(0);

        var outcomes = new WarehouseLoader(_data.Warehouse, TimeProvider.System)
            .LoadAll(TempDataDirectory.Compile(Customers), force: false, allowShrink: true).ToList();

        Assert.Equal(LoadStatus.Loaded, Assert.Single(outcomes).Status);
        Assert.Equal(0, Rows());
    }

    [Fact]
    public void A_source_declared_to_shrink_loads_what_it_is_given()
    {
        var mayShrink = Customers.Replace("key musteri_no", "options { max_shrink 100% }\n  key musteri_no");
        Write(5);
        _data.LoadOk(mayShrink);
        Write(0);

        Assert.Equal(0, _data.LoadOk(mayShrink).Rows);
        Assert.Equal(0, Rows());
    }

    [Fact]
    public void The_share_a_source_may_drop_is_its_own()
    {
        var ninety = Customers.Replace("key musteri_no", "options { max_shrink 90% }\n  key musteri_no");
        Write(10);
        _data.LoadOk(ninety);
        Write(1);

        Assert.Equal(1, _data.LoadOk(ninety).Rows);
    }
}
