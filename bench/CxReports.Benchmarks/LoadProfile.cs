using System.Diagnostics;
using System.Globalization;
using CxReports.Engine.Loading;
using CxReports.Engine.Warehouse;
using DuckDB.NET.Data;

namespace CxReports.Benchmarks;

/// <summary>
/// Where a load's time goes, without BenchmarkDotNet: bare, typed bare and the loader, each once to warm up and
/// once measured on a fresh DuckDB file, and the loader's statements timed one by one (hashing separately).
/// Then, with <c>--pairs K</c>, K pairs of bare and loader run back to back (in turns, which one first), and the
/// median of the pairs' ratios:
/// on a shared machine whose speed drifts by 20% within minutes, the steadiest figure.
/// Run: dotnet run -c Release --project bench/CxReports.Benchmarks -- profile --rows 10000000 [--pairs 7]
/// </summary>
public static class LoadProfile
{
    public static void Run(int rows, int pairs = 0)
    {
        var csv = SurveyCsv.Ensure(rows);
        Console.WriteLine($"{rows:N0} rows, {new FileInfo(csv).Length / 1e6:N0} MB: {csv}");
        var model = LoadBenchmark.Compile(Path.GetFileName(csv));

        var lastCpu = 0.0;
        double Bare(string sql, bool describe = false)
        {
            var scratch = LoadBenchmark.Scratch();
            try
            {
                using var connection = new DuckDBConnection($"DataSource={Path.Combine(scratch, "bare.duckdb")}");
                connection.Open();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                LoadBenchmark.Execute(connection, sql);
                var seconds = watch.Elapsed.TotalSeconds;
                lastCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                if (describe)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "SELECT string_agg(column_name || ' ' || column_type, ', ') FROM (DESCRIBE t)";
                    Console.WriteLine($"  types: {command.ExecuteScalar()}");
                }
                return seconds;
            }
            finally { Directory.Delete(scratch, true); }
        }

        double Loader(List<(string Sql, TimeSpan Time)>? steps)
        {
            var scratch = LoadBenchmark.Scratch();
            try
            {
                using var warehouse = DuckDbWarehouse.Open(new WarehouseOptions(Path.GetDirectoryName(csv)!, Path.Combine(scratch, "cxreports.duckdb")));
                if (steps is not null) warehouse.Trace = (sql, time) => steps.Add((sql, time));
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var outcome = new WarehouseLoader(warehouse, TimeProvider.System).LoadAll(model, force: true).Single();
                if (outcome.Status != LoadStatus.Loaded) throw new InvalidOperationException(string.Join("\n", outcome.Diagnostics.Take(5)));
                var seconds = watch.Elapsed.TotalSeconds;
                lastCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                return seconds;
            }
            finally { Directory.Delete(scratch, true); }
        }

        Console.WriteLine("bare:");
        Bare(LoadBenchmark.BareSql(csv), describe: true);
        Console.WriteLine("typed bare:");
        Bare(LoadBenchmark.TypedSql(csv), describe: true);
        var bare = Bare(LoadBenchmark.BareSql(csv));
        var bareCpu = lastCpu;
        var typed = Bare(LoadBenchmark.TypedSql(csv));
        var typedCpu = lastCpu;
        Loader(null);
        var steps = new List<(string Sql, TimeSpan Time)>();
        var loader = Loader(steps);
        var loaderCpu = lastCpu;
        var hashWatch = Stopwatch.StartNew();
        ContentHash.Of([csv], Path.GetDirectoryName(csv)!, recipe: "");
        var hash = hashWatch.Elapsed.TotalSeconds;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare       {bare,8:F3} s  cpu {bareCpu,7:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"typed bare {typed,8:F3} s  cpu {typedCpu,7:F2} s  ({typed / bare:F2}x bare)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loader     {loader,8:F3} s  cpu {loaderCpu,7:F2} s  ({loader / bare:F2}x bare, cpu {loaderCpu / bareCpu:F2}x)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  hashing (timed apart) {hash,8:F3} s"));
        foreach (var (sql, time) in steps)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {time.TotalSeconds,8:F3} s  {Shorten(sql)}"));
        var statements = steps.Sum(s => s.Time.TotalSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {loader - statements,8:F3} s  outside SQL (file checks, waiting for the hash)"));

        if (pairs == 0) return;
        (double Seconds, double Cpu) RunBare() => (Bare(LoadBenchmark.BareSql(csv)), lastCpu);
        (double Seconds, double Cpu) RunLoader() => (Loader(null), lastCpu);
        var ratios = new List<(double Wall, double Cpu)>();
        for (var i = 0; i < pairs; i++)
        {
            // Every other pair runs the loader first: the first of a pair leaves its file's writes to the kernel
            // while the second runs, and neither side should always be the one that pays for them.
            var loaderFirst = i % 2 == 1;
            var first = loaderFirst ? RunLoader() : RunBare();
            var second = loaderFirst ? RunBare() : RunLoader();
            var (l, lc) = loaderFirst ? first : second;
            var (b, bc) = loaderFirst ? second : first;
            ratios.Add((l / b, lc / bc));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pair {i + 1} ({(loaderFirst ? "loader first" : "bare first")}): bare {b:F2} s (cpu {bc:F2}), loader {l:F2} s (cpu {lc:F2}): {l / b:F2}x, cpu {lc / bc:F2}x"));
        }
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"loader / bare over {pairs} pairs: median {Median(ratios.Select(r => r.Wall)):F2}x wall, {Median(ratios.Select(r => r.Cpu)):F2}x cpu"));
    }

    private static string Shorten(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return line.Length <= 110 ? line : line[..110] + "...";
    }
}
