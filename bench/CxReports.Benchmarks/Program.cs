using BenchmarkDotNet.Running;
using CxReports.Benchmarks;

switch (args)
{
    // The engine's and the hand-written statements of EngineBenchmark, parameters inlined (to read or EXPLAIN ANALYZE).
    case ["--sql"]:
        EngineSql.Print(Console.Out);
        return;
    // EngineBenchmark's pairs run alternately, medians of wall and CPU time (for a busy shared machine).
    case ["--paired", ..]:
        PairedRun.Run(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return;
}
