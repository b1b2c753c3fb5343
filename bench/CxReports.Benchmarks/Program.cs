using BenchmarkDotNet.Running;
using CxReports.Benchmarks;

// `--sql`: print the engine's and the hand-written statements of EngineBenchmark, parameters inlined, to read them
// or to run them with EXPLAIN ANALYZE. Anything else goes to BenchmarkDotNet.
if (args is ["--sql"])
{
    EngineSql.Print(Console.Out);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
