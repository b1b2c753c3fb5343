namespace CxReports.Server.Tests.Cli;

/// <summary><c>cxr load</c> refuses to replace a table with a header-only export, says so in its table, and <c>--allow-shrink</c> accepts it once.</summary>
public sealed class LoadShrinkTests : IDisposable
{
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cxr-shrink-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_header_only_export_is_refused_with_the_reason_and_the_flag_loads_it()
    {
        Directory.CreateDirectory(Path.Combine(_root, "reports"));
        Directory.CreateDirectory(Path.Combine(_root, "data"));
        File.WriteAllText(Path.Combine(_root, "reports", "m.cxr"), "source customers from \"musteriler.csv\" {\n  key musteri_no\n}\n");
        var csv = Path.Combine(_root, "data", "musteriler.csv");
        File.WriteAllText(csv, "musteri_no\nM1\nM2\n");
        Assert.Equal(0, CliRunner.Run(_root, "load", "--reports", "reports", "--data", "data").Exit);
        File.WriteAllText(csv, "musteri_no\n");

        var refused = CliRunner.Run(_root, "load", "--reports", "reports", "--data", "data");

        Assert.NotEqual(0, refused.Exit);
        Assert.Contains("refused: would shrink", refused.Out);
        Assert.Contains("musteriler.csv:1:1: error CXR116: source 'customers': refused to shrink: the load would replace 2 rows with 0 " +
                        "(drops 100%, more than the 50% a load may drop); the previous data is kept. If the files are right, load once with " +
                        "`cxr load --allow-shrink`, or let this source shrink: options { max_shrink 100% }", refused.Out);
        Assert.Contains("loading customers ... refused: it would shrink the table (see below)", refused.Err);
        Assert.DoesNotContain("   at ", refused.Out + refused.Err);

        var allowed = CliRunner.Run(_root, "load", "--reports", "reports", "--data", "data", "--allow-shrink");

        Assert.True(allowed.Exit == 0, allowed.Out + allowed.Err);
        Assert.Contains("loading customers ... 0 rows", allowed.Err);
    }
}
