using System.Text.Json;
using CxReports.Server.Tests.Cli;

namespace CxReports.Server.Tests.Postgres;

/// <summary>
/// The same report files over the same demo data give the same numbers on PostgreSQL as on DuckDB: loaded with
/// <c>cxr load --warehouse postgres</c>, run with <c>cxr run --warehouse postgres</c>, compared value by value.
/// </summary>
public sealed class SamplesOnPostgresTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cxr-samples-pg-").FullName;
    private readonly PostgresDatabase _database = new();

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public void Every_sample_report_gives_the_same_json_on_postgres_as_on_duckdb()
    {
        var root = CliRunner.RepositoryRoot();
        var reports = Path.Combine(root, "reports");
        string[] postgres = ["--warehouse", "postgres", "--connection", _database.ConnectionString];
        Assert.Equal(0, CliRunner.Run(root, "demo", "--out", _data, "--customers", "300").Exit);
        var duckLoad = CliRunner.Run(root, "load", "--reports", reports, "--data", _data);
        Assert.True(duckLoad.Exit == 0, duckLoad.Out + duckLoad.Err);
        var pgLoad = CliRunner.Run(root, ["load", "--reports", reports, "--data", _data, .. postgres]);
        Assert.True(pgLoad.Exit == 0, pgLoad.Out + pgLoad.Err);
        Assert.True(_database.Scalar<long>("SELECT count(*) FROM cxr.customers") > 0, "the customers are in PostgreSQL");

        var names = Directory.GetFiles(reports, "*.cxr").Select(File.ReadAllText)
            .SelectMany(text => System.Text.RegularExpressions.Regex.Matches(text, @"^report (\w+)", System.Text.RegularExpressions.RegexOptions.Multiline))
            .Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(5, names.Length);
        foreach (var name in names)
        {
            string[] run = ["run", name, "--reports", reports, "--data", _data, "--from", "2025-11-01", "--to", "2026-10-31"];
            var onDuckDb = CliRunner.Run(root, run);
            var onPostgres = CliRunner.Run(root, [.. run, .. postgres]);
            Assert.True(onDuckDb.Exit == 0, $"{name} on duckdb: {onDuckDb.Err}");
            Assert.True(onPostgres.Exit == 0, $"{name} on postgres: {onPostgres.Err}");
            using var expected = JsonDocument.Parse(onDuckDb.Out);
            using var actual = JsonDocument.Parse(onPostgres.Out);
            var differences = JsonComparison.Differences(expected.RootElement, actual.RootElement);
            Assert.True(differences.Count == 0, $"{name}: {differences.Count} differences:\n{string.Join("\n", differences.Take(20))}");
        }
    }
}
