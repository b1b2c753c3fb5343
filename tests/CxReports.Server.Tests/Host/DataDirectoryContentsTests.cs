using CxReports.Server.Host;

namespace CxReports.Server.Tests.Host;

public sealed class DataDirectoryContentsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cxr-data-contents-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string relativePath)
    {
        var path = Path.Combine(_directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
    }

    [Fact]
    public void A_missing_or_empty_directory_holds_no_data() =>
        Assert.False(DataDirectoryContents.HoldsData(Path.Combine(_directory, "missing")) || DataDirectoryContents.HoldsData(_directory));

    [Fact]
    public void The_products_own_files_are_not_data_so_a_key_created_before_the_first_start_still_gets_the_demo()
    {
        Write(".cxreports-secrets/keys/key-1.xml");
        Write("cxreports.duckdb");
        Write("cxreports.duckdb.wal");
        Write("cxreports.duckdb.server.json");

        Assert.False(DataDirectoryContents.HoldsData(_directory));
    }

    [Theory]
    [InlineData("answers.csv")]
    [InlineData("exports/2026/invoices.parquet")]
    public void Any_file_a_user_put_there_is_data(string relativePath)
    {
        Write(".cxreports-secrets/keys/key-1.xml");
        Write(relativePath);

        Assert.True(DataDirectoryContents.HoldsData(_directory));
    }
}
