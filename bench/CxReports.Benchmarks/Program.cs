using BenchmarkDotNet.Running;
using CxReports.Benchmarks;

// --rows N[,N...] picks the row counts of the load benchmark (passed on to its process as CXR_BENCH_ROWS).
var rest = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--rows" && i + 1 < args.Length) Environment.SetEnvironmentVariable(LoadBenchmark.RowsVariable, args[++i]);
    else rest.Add(args[i]);
}

switch (rest.ToArray())
{
    // The engine's and the hand-written statements of EngineBenchmark, parameters inlined (to read or EXPLAIN ANALYZE).
    case ["--sql"]:
        EngineSql.Print(Console.Out);
        return;
    // EngineBenchmark's pairs run alternately, medians of wall and CPU time (for a busy shared machine).
    case ["--paired", ..] paired:
        PairedRun.Run(Console.Out, paired.Length > 1 ? int.Parse(paired[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
        return;
    // The loader's statements timed one by one instead of BenchmarkDotNet.
    case ["profile", ..]:
        foreach (var rows in LoadBenchmark.RowCounts()) LoadProfile.Run(rows);
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.ToArray());
        return;
}
