using System.Diagnostics;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Text;
using CxReports.Engine.Reports;
using CxReports.Engine.Warehouse;
using CxReports.Rendering.Json;
using CxReports.Rendering.Pdf;

namespace CxReports.Benchmarks;

/// <summary>
/// The five sample reports (reports/*.cxr) evaluated in process over the scale demo's warehouse, already loaded
/// (bench/.cache/demo-1000000, or <c>CXR_BENCH_DATA</c>), for the period 2025-11-01 .. 2026-10-31: each report N times as
/// JSON and as PDF, medians of wall time, then the process's peak working set. With <c>--blocks</c> each statement
/// the evaluator runs is timed once and named by its block (a KPI block may run a second statement for the previous
/// period, a measured scenario one or two more; tables that share a scan run one statement, named by their ids joined
/// by <c>+</c>); <c>--explain DIR</c> also writes DuckDB's EXPLAIN ANALYZE of each there.
/// The warehouse opens with the server's default memory limit, as <c>cxr run</c> does.
/// Run: CXR_BENCH_DATA=/tmp/demo dotnet run -c Release --project bench/CxReports.Benchmarks -- reports [repeats] [--report NAME] [--blocks] [--explain DIR]
/// </summary>
public static class ReportProfile
{
    private static readonly ReportRequest Period = new() { From = new DateOnly(2025, 11, 1), To = new DateOnly(2026, 10, 31) };

    public static void Run(TextWriter log, int repeats, string? only, bool blocks, string? explain)
    {
        var root = ScaleDataset.RepositoryRoot();
        var model = ModelBinder.Compile(ReportFiles.Read([Path.Combine(root, "reports")], root)).Model
                    ?? throw new InvalidOperationException("the sample reports have errors: run cxr check");
        var directory = DataDirectory();
        using var warehouse = DuckDbWarehouse.Open(new WarehouseOptions(directory));
        var evaluator = new ReportEvaluator(model, warehouse, TimeProvider.System, TimeSpan.FromMinutes(10));
        var reports = model.Reports.Values.Where(r => only is null || r.Name == only).OrderBy(r => r.Name, StringComparer.Ordinal).ToArray();
        log.WriteLine($"// {Environment.ProcessorCount} cores; {directory}; {repeats} runs each; load {File.ReadAllText("/proc/loadavg").Trim()}");

        if (blocks)
            foreach (var report in reports)
                Statements(log, model, warehouse, evaluator, report, explain);

        if (repeats == 0) return;
        log.WriteLine($"| {"report",-18} | {"JSON (ms)",9} | {"PDF (ms)",9} |");
        log.WriteLine($"|{new string('-', 20)}|{new string('-', 11)}|{new string('-', 11)}|");
        foreach (var report in reports)
        {
            var json = new List<double>();
            var pdf = new List<double>();
            for (var i = 0; i < repeats; i++)
            {
                json.Add(1000 * EngineComparison.Time(() => ReportJson.ToJson(evaluator.Evaluate(report, Period))));
                pdf.Add(1000 * EngineComparison.Time(() => PdfRenderer.Render(evaluator.Evaluate(report, Period))));
            }
            // Where the memory is: DuckDB's buffers (hash tables, cached blocks) against the managed heap that holds results.
            var duckdb = warehouse.Scalar<long>("SELECT CAST(sum(memory_usage_bytes) AS BIGINT) FROM duckdb_memory()") / (1024 * 1024);
            var managed = GC.GetTotalMemory(forceFullCollection: false) / (1024 * 1024);
            log.WriteLine($"| {report.Name,-18} | {EngineComparison.Median(json),9:F0} | {EngineComparison.Median(pdf),9:F0} | DuckDB {duckdb} MB, managed heap {managed} MB");
        }
        using var process = Process.GetCurrentProcess();
        log.WriteLine($"// peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB; load {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    /// <summary>Runs each statement of a file (separated by a line holding only ';') on the scale demo's warehouse, printing its rows and time.</summary>
    public static void Sql(TextWriter log, string file)
    {
        using var warehouse = DuckDbWarehouse.Open(new WarehouseOptions(DataDirectory()));
        foreach (var statement in File.ReadAllText(file).Split("\n;\n").Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            var watch = Stopwatch.StartNew();
            var rows = warehouse.Query(statement, r => string.Join(" | ", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "NULL" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            log.WriteLine($"-- {watch.Elapsed.TotalMilliseconds:F0} ms, {rows.Count} rows: {statement.Trim().Split('\n')[0]}");
            foreach (var row in rows.Take(40)) log.WriteLine(row);
        }
    }

    private static string DataDirectory() => Environment.GetEnvironmentVariable("CXR_BENCH_DATA") is { Length: > 0 } data
        ? Path.GetFullPath(data)
        : Path.Combine(ScaleDataset.RepositoryRoot(), "bench", ".cache", $"demo-{ScaleDataset.DefaultCustomers}");

    /// <summary>Each statement of one evaluation with its time, named by the block whose plan it is.</summary>
    private static void Statements(TextWriter log, SemanticModel model, DuckDbWarehouse warehouse, ReportEvaluator evaluator, ReportModel report, string? explain)
    {
        var planner = new ReportPlanner(model, warehouse.Dialect, TimeProvider.System) { Rollups = RollupTables.Current(model, warehouse) };
        var plans = planner.Explain(report, Period).GroupBy(p => p.Plan.Sql)
            .ToDictionary(g => g.Key, g => (Name: string.Join("+", g.Select(p => p.Block)), g.First().Plan));
        var ran = new List<(string Sql, TimeSpan Time)>();
        warehouse.Trace = (sql, time) => ran.Add((sql, time));
        evaluator.Evaluate(report, Period);
        warehouse.Trace = null;
        log.WriteLine($"// {report.Name}: {ran.Count} statements, {ran.Sum(r => r.Time.TotalMilliseconds):F0} ms");
        var block = "?";
        for (var i = 0; i < ran.Count; i++)
        {
            var (sql, time) = ran[i];
            var own = plans.TryGetValue(sql, out var planned);
            var label = own ? block = planned.Name : $"{block} (its comparison or inputs)";
            log.WriteLine($"//   {i,2} {label,-40} {time.TotalMilliseconds,8:F0} ms");
            if (explain is null || !own) continue;
            Directory.CreateDirectory(explain);
            var plan = string.Join("\n", warehouse.Query($"EXPLAIN ANALYZE {sql}", r => r.GetString(1), [.. planned.Plan.Parameters]));
            File.WriteAllText(Path.Combine(explain, $"{report.Name}-{i:D2}.txt"), $"-- {label}\n{sql}\n\n{plan}\n");
        }
    }
}
