using System.CommandLine;
using System.Diagnostics;
using CxReports.Demo;

namespace CxReports.Server.Cli;

/// <summary>
/// <c>cxr demo [--out DIR] [--customers N] [--seed S] [--scale]</c>: writes the realistic, deliberately messy demo
/// dataset. Up to <see cref="ScaleThreshold"/> customers the C# generator writes it; above that, or with
/// <c>--scale</c>, the SQL generator writes the same files inside DuckDB (1,000,000 customers and about 10 million
/// survey answers in seconds).
/// </summary>
public static class DemoCommand
{
    /// <summary>Above this many customers the SQL generator is used without asking.</summary>
    public const int ScaleThreshold = 100_000;

    public static Command Create(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var output = new Option<string?>("--out") { Description = "Where to write the files (default: --data)" };
        var customers = new Option<int>("--customers") { Description = "Number of customers", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same files", DefaultValueFactory = _ => 42 };
        var scale = new Option<bool>("--scale")
        {
            Description = $"Generate inside DuckDB with SQL (automatic above {ScaleThreshold:N0} customers, up to {ScaleDemoGenerator.MaxCustomers:N0}): " +
                          "the same files and story, about 10 survey answers and 14 usage events per customer",
        };
        var command = new Command("demo",
            "Write the demo dataset (customers, churns, invoices, surveys, tickets, usage, costs, orders); " +
            $"above {ScaleThreshold:N0} customers, or with --scale, it is generated inside DuckDB with SQL");
        command.Options.Add(output);
        command.Options.Add(customers);
        command.Options.Add(seed);
        command.Options.Add(scale);
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(output) ?? parse.GetValue(options.Data)!;
            var demo = new DemoOptions(options.FullPath(directory), parse.GetValue(customers), parse.GetValue(seed));
            var sql = parse.GetValue(scale) || demo.Customers > ScaleThreshold;
            var watch = Stopwatch.StartNew();
            DemoSummary summary;
            try
            {
                summary = sql
                    ? ScaleDemoGenerator.Generate(demo, step: (name, elapsed) => stderr.WriteLine($"  {name}: {elapsed.TotalMilliseconds:F0} ms"))
                    : DemoDataGenerator.Generate(demo);
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine($"cxr demo: {e.Message}");
                return ExitCodes.Usage;
            }
            foreach (var (file, rows) in summary.RowsPerFile.OrderBy(r => r.Key, StringComparer.Ordinal))
                stdout.WriteLine($"{Path.Combine(directory, file)}\t{rows} rows");
            stderr.WriteLine($"demo data {summary.From:yyyy-MM-dd} .. {summary.To:yyyy-MM-dd} (CX programme from {summary.ProgrammeStart:yyyy-MM-dd}) " +
                             $"written in {watch.ElapsedMilliseconds} ms{(sql ? " by the SQL generator" : "")}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
