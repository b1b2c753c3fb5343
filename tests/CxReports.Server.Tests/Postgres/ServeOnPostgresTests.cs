using System.Text.Json;
using CxReports.Server.Security;
using CxReports.Server.Tests.Http;

namespace CxReports.Server.Tests.Postgres;

/// <summary><c>cxr serve</c> on the PostgreSQL warehouse: the data, the API keys and the run log all live there.</summary>
public sealed class ServeOnPostgresTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private TestServer _onPostgres = null!;
    private TestServer _onDuckDb = null!;

    public async Task InitializeAsync()
    {
        _onPostgres = await TestServer.Start(postgres: _database.ConnectionString);
        _onDuckDb = await TestServer.Start();
    }

    public async Task DisposeAsync()
    {
        await _onPostgres.DisposeAsync();
        await _onDuckDb.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task A_report_served_from_postgres_is_the_one_served_from_duckdb()
    {
        const string url = "/api/reports/retention_value?from=2025-11-01&to=2026-10-31";
        using var fromPostgres = JsonDocument.Parse(await (await _onPostgres.Client(ApiScope.Read).GetAsync(url)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());
        using var fromDuckDb = JsonDocument.Parse(await (await _onDuckDb.Client(ApiScope.Read).GetAsync(url)).EnsureSuccessStatusCode().Content.ReadAsStringAsync());

        // The data version hashes how each source is read, file paths included, and each server has its own copy.
        Assert.Empty(JsonComparison.Differences(fromDuckDb.RootElement, fromPostgres.RootElement, "dataVersion"));
        Assert.Equal(200L, _database.Scalar<long>("SELECT count(*) FROM cxr.customers"));
    }

    [Fact]
    public async Task A_key_created_while_the_server_runs_works_after_a_reload()
    {
        var (exit, stdout, stderr) = Cli.CliRunner.Run(_onPostgres.Root, "keys", "create", "--scope", "read", "--data", _onPostgres.Data,
            "--warehouse", "postgres", "--connection", _database.ConnectionString);
        Assert.True(exit == 0, stderr);
        var key = stdout.TrimEnd('\n').Split('\n').Last();

        using var client = _onPostgres.Client();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/api/reports")).StatusCode);
        (await _onPostgres.Client(ApiScope.Admin).PostAsync("/api/reload", null)).EnsureSuccessStatusCode();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/reports")).StatusCode);
    }

    [Fact]
    public void Loading_from_the_command_line_while_the_server_holds_the_staging_file_says_so()
    {
        var (exit, _, stderr) = Cli.CliRunner.Run(_onPostgres.Root, "load", "--reports", _onPostgres.Reports, "--data", _onPostgres.Data,
            "--warehouse", "postgres", "--connection", _database.ConnectionString);

        Assert.Equal(1, exit);
        Assert.Contains("is cxr serve running on this data directory?", stderr);
        Assert.DoesNotContain(_database.ConnectionString, stderr);
    }

    [Fact]
    public async Task Run_now_on_postgres_is_recorded_in_its_run_log()
    {
        var response = await _onPostgres.Client(ApiScope.Run).PostAsync("/api/reports/experience/run", null);
        // A failure here once came back as a bare "Warehouse error": the server's own lines say which statement and why.
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n" +
            string.Join("\n", _onPostgres.LoggedWithScopes().Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning)
                .Select(l => $"{l.Level} {l.Category}: {l.Message} {l.Exception}")));
        var run = await response.Json();
        Assert.Equal("delivered", run.GetProperty("outcome").GetString());

        var history = await (await _onPostgres.Client(ApiScope.Read).GetAsync("/api/runs?report=experience")).Json();
        Assert.Contains(history.GetProperty("runs").EnumerateArray(), r => r.GetProperty("id").GetString() == run.GetProperty("id").GetString());
        Assert.Equal(1L, _database.Scalar<long>($"SELECT count(*) FROM cxr._cxr_runs WHERE run_id = '{run.GetProperty("id").GetString()}'"));
        Assert.Equal(1L, _database.Scalar<long>("SELECT count(*) FROM cxr._cxr_deliveries WHERE report = 'experience' AND status = 'delivered'"));
    }
}
