using CxReports.Engine.Loading;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Tests.Loading;

/// <summary>
/// Loads are atomic (a failed reload leaves the previous version in place and says why in the load log) and only
/// what changed is loaded again: file contents or the source's own definition, or everything with force.
/// </summary>
public sealed class ReloadTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private const string Model = """
        source customers from "musteriler.csv" {
          key musteri_no
          column plan = "paket"
          column age = "yas": integer
        }
        source tickets from "talepler.csv" {
          key id: integer
          column subject = "konu"
        }
        """;

    private const string GoodCustomers = "musteri_no,paket,yas\nM1,basic,34\nM2,pro,51\n";

    private Dictionary<string, LoadOutcome> LoadAll(string model = Model, bool force = false) =>
        _data.LoadAll(model, force).ToDictionary(o => o.Source);

    private List<string> Log(string source) =>
        _data.Rows($"SELECT status, rows, error FROM {LoadLog.Table} WHERE source = '{source}' ORDER BY rowid");

    [Fact]
    public void Failed_reload_keeps_the_previous_rows_and_the_log_says_ok_then_failed_with_the_error()
    {
        _data.Write("musteriler.csv", GoodCustomers);
        _data.Write("talepler.csv", "id,konu\n1,fatura\n");
        Assert.All(LoadAll().Values, o => Assert.Equal(LoadStatus.Loaded, o.Status));

        _data.Write("musteriler.csv", "musteri_no,paket,yas\nM1,basic,34\nM3,pro,abc\n");
        _data.Write("talepler.csv", "id,konu\n1,fatura\n2,iade\n");
        var second = LoadAll();

        Assert.Equal(LoadStatus.Failed, second["customers"].Status);
        Assert.Equal(["M1|basic|34", "M2|pro|51"], _data.Rows("SELECT * FROM customers ORDER BY musteri_no"));
        Assert.Equal([
            "ok|2|null",
            "failed|0|musteriler.csv:3:3: error CXR105: column 'yas' value 'abc': not a valid whole number",
        ], Log("customers"));

        Assert.Equal(LoadStatus.Loaded, second["tickets"].Status); // one failed source does not stop the others
        Assert.Equal(["1|fatura", "2|iade"], _data.Rows("SELECT * FROM tickets ORDER BY id"));
        Assert.Equal(0, _data.Warehouse.Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE '_cxr_stage%'"));
    }

    [Fact]
    public void Failed_reload_log_entry_counts_the_errors_it_does_not_show()
    {
        _data.Write("musteriler.csv", GoodCustomers);
        _data.Write("talepler.csv", "id,konu\n1,fatura\n");
        LoadAll();

        _data.Write("musteriler.csv", "musteri_no,paket,yas\nM1,basic,x\nM2,pro,y\nM3,pro,z\n");
        LoadAll();

        Assert.Equal("failed|0|musteriler.csv:2:3: error CXR105: column 'yas' value 'x': not a valid whole number (and 2 more)", Log("customers")[1]);
        Assert.Equal(2, _data.Warehouse.Scalar<long>("SELECT count(*) FROM customers"));
    }

    [Fact]
    public void File_that_disappears_after_a_load_fails_the_reload_and_keeps_the_table()
    {
        _data.Write("musteriler.csv", GoodCustomers);
        _data.Write("talepler.csv", "id,konu\n1,fatura\n");
        LoadAll();

        File.Delete(Path.Combine(_data.Root, "musteriler.csv"));
        var second = LoadAll();

        Assert.Equal("CXR101", Assert.Single(second["customers"].Diagnostics).Code.Id);
        Assert.Equal(2, _data.Warehouse.Scalar<long>("SELECT count(*) FROM customers"));
    }

    [Fact]
    public void Second_load_without_changes_is_unchanged_and_writes_no_log_entry()
    {
        _data.Write("musteriler.csv", GoodCustomers);
        _data.Write("talepler.csv", "id,konu\n1,fatura\n");
        LoadAll();

        var second = LoadAll();

        Assert.All(second.Values, o => Assert.Equal(LoadStatus.Unchanged, o.Status));
        Assert.Equal(2, second["customers"].Rows); // the row count of the version in place
        Assert.Equal(["ok|2|null"], Log("customers"));
    }

    [Fact]
    public void Touching_a_file_without_changing_its_bytes_is_unchanged()
    {
        _data.Write("musteriler.csv", GoodCustomers);
        _data.Write("talepler.csv", "id,konu\n1,fatura\n");
        LoadAll();

        File.SetLastWriteTimeUtc(Path.Combine(_data.Root, "musteriler.csv"), DateTime.UtcNow.AddHours(1));

        Assert.Equal(LoadStatus.Unchanged, LoadAll()["customers"].Status);
    }

    [Fact]
    public void Changed_content_reloads_only_that_source()
    {
        _data.Write("musteriler.csv", GoodCustomers);
        _data.Write("talepler.csv", "id,konu\n1,fatura\n");
        LoadAll();

        _data.Write("musteriler.csv", GoodCustomers + "M3,pro,29\n");
        var second = LoadAll();

        Assert.Equal((LoadStatus.Loaded, 3L), (second["customers"].Status, second["customers"].Rows));
        Assert.Equal(LoadStatus.Unchanged, second["tickets"].Status);
        Assert.Equal(["ok|2|null", "ok|3|null"], Log("customers"));
    }

    [Fact]
    public void Force_reloads_every_source_even_when_nothing_changed()
    {
        _data.Write("musteriler.csv", GoodCustomers);
        _data.Write("talepler.csv", "id,konu\n1,fatura\n");
        LoadAll();

        var second = LoadAll(force: true);

        Assert.All(second.Values, o => Assert.Equal(LoadStatus.Loaded, o.Status));
        Assert.Equal(["ok|2|null", "ok|2|null"], Log("customers"));
    }

    [Fact]
    public void Restoring_the_last_good_file_after_a_failed_load_needs_no_reload()
    {
        _data.Write("musteriler.csv", GoodCustomers);
        _data.Write("talepler.csv", "id,konu\n1,fatura\n");
        LoadAll();
        _data.Write("musteriler.csv", "musteri_no,paket,yas\nM1,basic,abc\n");
        LoadAll();

        _data.Write("musteriler.csv", GoodCustomers);

        Assert.Equal(LoadStatus.Unchanged, LoadAll()["customers"].Status); // the table still holds exactly this file
    }

    [Fact]
    public void Changing_the_source_definition_reloads_it_even_when_its_files_did_not_change()
    {
        _data.Write("musteriler.csv", GoodCustomers);
        _data.Write("talepler.csv", "id,konu\n1,fatura\n");
        LoadAll();

        var second = LoadAll(Model.Replace("column age = \"yas\": integer", "column age = \"yas\": integer range 18 .. 40"));

        Assert.Equal(LoadStatus.Unchanged, second["tickets"].Status);
        Assert.Equal(["musteriler.csv:3:3: error CXR107: column 'yas' value '51': outside the range 18 .. 40"],
            TempDataDirectory.Headlines(second["customers"]));

        var third = LoadAll(Model.Replace("column age = \"yas\": integer", "column age = \"yas\": integer\n  column tier = \"paket\""));

        Assert.Equal(LoadStatus.Loaded, third["customers"].Status);
        Assert.Equal(["M1|basic", "M2|pro"], _data.Rows("SELECT musteri_no, tier FROM customers ORDER BY musteri_no"));
    }
}
