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
    // DuckDB against PostgreSQL on the scale demo: loads and the standard report queries (EngineComparison.cs).
    case ["engines", ..] engines:
        var connection = Array.IndexOf(engines, "--connection") is var at and >= 0 && at + 1 < engines.Length ? engines[at + 1] : null;
        var repeats = engines.Length > 1 && int.TryParse(engines[1], out var n) ? n : 3;
        EngineComparison.Run(Console.Out, repeats, connection);
        return;
    // The loader's statements timed one by one instead of BenchmarkDotNet.
    case ["profile", ..] profile:
        var pairs = Array.IndexOf(profile, "--pairs") is var p and >= 0 && p + 1 < profile.Length ? int.Parse(profile[p + 1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        foreach (var rows in LoadBenchmark.RowCounts()) LoadProfile.Run(rows, pairs);
        return;
    // Incremental loading of a glob: one file of N changed, loaded incrementally against a full reload (GlobProfile.cs).
    case ["glob", ..] glob:
        int Flag(string name, int fallback) =>
            Array.IndexOf(glob, name) is var f and >= 0 && f + 1 < glob.Length ? int.Parse(glob[f + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        foreach (var rows in LoadBenchmark.RowCounts()) GlobProfile.Run(rows, Flag("--files", 12), Flag("--repeats", 5));
        return;
    // A Turkish code page: windows-1254 transcoded and loaded against the same data as UTF-8 (EncodingProfile.cs).
    case ["encoding", ..] encoding:
        var times = Array.IndexOf(encoding, "--repeats") is var r and >= 0 && r + 1 < encoding.Length ? int.Parse(encoding[r + 1], System.Globalization.CultureInfo.InvariantCulture) : 3;
        foreach (var rows in LoadBenchmark.RowCounts()) EncodingProfile.Run(rows, times);
        return;
    // The language server on the generated 2,000-line model: didChange to diagnostics, completion, hover (LspLatency.cs).
    case ["lsp", ..] lsp:
        int LspFlag(string name, int fallback) =>
            Array.IndexOf(lsp, name) is var l and >= 0 && l + 1 < lsp.Length ? int.Parse(lsp[l + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        LspLatency.Run(Console.Out, LspFlag("--repeats", 30), LspFlag("--debounce", 0));
        return;
    // The sample reports in process over the scale demo, JSON and PDF, medians; --blocks times each statement (ReportProfile.cs).
    case ["reports", ..] reports:
        string? ReportFlag(string name) => Array.IndexOf(reports, name) is var f and >= 0 && f + 1 < reports.Length ? reports[f + 1] : null;
        var runs = reports.Length > 1 && int.TryParse(reports[1], out var count) ? count : 3;
        ReportProfile.Run(Console.Out, runs, ReportFlag("--report"), reports.Contains("--blocks"), ReportFlag("--explain"));
        return;
    // Statements of a file run on the scale demo's warehouse, with their rows and times (profiling a report's SQL).
    case ["sql", var file]:
        ReportProfile.Sql(Console.Out, file);
        return;
    // One query in process over a data directory, for bench/peers/run.sh: rows and step times as one JSON line (PeersQuery.cs).
    case ["peers", var data, var query, var from, var to, var zone]:
        PeersQuery.Run(Console.Out, data, query, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), zone);
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.ToArray());
        return;
}
