using System.Diagnostics;
using System.Globalization;
using CxReports.Engine.Dialects;
using CxReports.Engine.Execution;
using CxReports.Engine.Loading;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Engine.Tests.Engines;
using CxReports.Engine.Warehouse;

namespace CxReports.Benchmarks;

/// <summary>
/// DuckDB against PostgreSQL in one run, on the scale demo (1,000,000 customers, about 10 million survey answers):
/// every source loaded through the loader into a fresh warehouse of each engine, then the standard report queries
/// (the blocks of engine_bench.cxr) run alternately on both, checked equal first. Prints per-step times and the
/// PostgreSQL / DuckDB ratio. PostgreSQL is a throwaway server started for the run (as the tests do) with 2 GB of
/// shared buffers, or the one of <c>--connection</c>.
/// Run: dotnet run -c Release --project bench/CxReports.Benchmarks -- engines [repeats] [--connection "Host=..."]
/// </summary>
public static class EngineComparison
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);
    private static readonly string[] Blocks = ["nps_by", "first_response_by", "churn_by", "cohorts", "at_risk", "everyone"];

    public static void Run(TextWriter log, int repeats, string? connection)
    {
        var (directory, model) = ScaleDataset.Prepare(log);
        var scratch = Directory.CreateTempSubdirectory("cxr-engines-").FullName;
        connection ??= PostgresServer.Start("-c shared_buffers=2GB -c work_mem=256MB -c maintenance_work_mem=1GB -c max_wal_size=8GB").ConnectionString;
        var schema = "bench_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var duck = new WarehouseOptions(directory, Path.Combine(scratch, "bench.duckdb"), MemoryLimit: "8GB");
        var postgres = duck with { Provider = WarehouseProvider.Postgres, ConnectionString = connection, Schema = schema };
        log.WriteLine($"// {Environment.ProcessorCount} cores; PostgreSQL schema {schema}; scratch {scratch}");

        using var duckdb = Warehouses.Open(duck);
        using var pg = Warehouses.Open(postgres);
        var rows = new List<(string Step, double DuckDb, double Postgres)>();
        foreach (var ((source, d), (_, p)) in Load(log, duckdb, model).Zip(Load(log, pg, model)))
            rows.Add(($"load {source}", d, p));
        rows.Add(("load, all sources", rows.Sum(r => r.DuckDb), rows.Sum(r => r.Postgres)));

        foreach (var block in Blocks)
        {
            var onDuck = EngineBenchmark.Plans.Engine(model, block, duckdb.Dialect);
            var onPg = EngineBenchmark.Plans.Engine(model, block, pg.Dialect);
            EngineBenchmark.Plans.Check($"{block}: postgres vs duckdb", Execute(pg, onPg), Execute(duckdb, onDuck), keyColumns: block == "nps_by" ? 2 : 1);
            var times = (DuckDb: new List<double>(), Postgres: new List<double>());
            for (var i = 0; i < repeats; i++)
            {
                times.DuckDb.Add(Time(() => Execute(duckdb, onDuck)));
                times.Postgres.Add(Time(() => Execute(pg, onPg)));
            }
            rows.Add(($"query {block} (median of {repeats})", Median(times.DuckDb), Median(times.Postgres)));
            log.WriteLine($"// {block}: duckdb {string.Join(", ", times.DuckDb.Select(S))}; postgres {string.Join(", ", times.Postgres.Select(S))}");
        }

        log.WriteLine();
        log.WriteLine($"| {"step",-42} | {"DuckDB (s)",10} | {"PostgreSQL (s)",14} | {"PG / DuckDB",11} |");
        log.WriteLine($"|{new string('-', 44)}|{new string('-', 12)}|{new string('-', 16)}|{new string('-', 13)}|");
        foreach (var (step, d, p) in rows)
            log.WriteLine($"| {step,-42} | {S(d),10} | {S(p),14} | {(p / d).ToString("F2", CultureInfo.InvariantCulture) + "x",11} |");
        pg.Execute($"DROP SCHEMA {Sql.Identifier(schema)} CASCADE");
        Directory.Delete(scratch, recursive: true);
    }

    private static IEnumerable<(string Source, double Seconds)> Load(TextWriter log, IWarehouse warehouse, Dsl.Model.SemanticModel model)
    {
        var outcomes = new List<(string, double)>();
        foreach (var outcome in new WarehouseLoader(warehouse, TimeProvider.System).LoadAll(model, force: true))
        {
            if (outcome.Status != LoadStatus.Loaded)
                throw new InvalidOperationException($"{warehouse.Dialect.Name}: loading {outcome.Source}: {outcome.Status} {string.Join("\n", outcome.Diagnostics)}");
            log.WriteLine($"// {warehouse.Dialect.Name}: {outcome.Source} {outcome.Rows:N0} rows in {S(outcome.Duration.TotalSeconds)} s");
            outcomes.Add((outcome.Source, outcome.Duration.TotalSeconds));
        }
        return outcomes;
    }

    private static ResultTable Execute(IWarehouse warehouse, PlannedQuery plan) => new QueryExecutor(warehouse, Timeout).Execute(plan);

    internal static double Time(Action work)
    {
        var watch = Stopwatch.StartNew();
        work();
        return watch.Elapsed.TotalSeconds;
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string S(double seconds) => seconds.ToString("F2", CultureInfo.InvariantCulture);
}
