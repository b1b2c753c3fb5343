using BenchmarkDotNet.Running;
using CxReports.Benchmarks;

// --rows N[,N...] picks the row counts of the load benchmark (passed on to its process as CXR_BENCH_ROWS);
// `profile` times the loader's statements one by one instead of running BenchmarkDotNet; `--sql` prints the engine's
// and the hand-written statements of EngineBenchmark, parameters inlined, to read them or run them with EXPLAIN ANALYZE.
var rest = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--rows" && i + 1 < args.Length) Environment.SetEnvironmentVariable(LoadBenchmark.RowsVariable, args[++i]);
    else rest.Add(args[i]);
}

if (rest is ["--sql"])
{
    EngineSql.Print(Console.Out);
    return;
}
if (rest.FirstOrDefault() == "profile")
{
    foreach (var rows in LoadBenchmark.RowCounts()) LoadProfile.Run(rows);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.ToArray());
