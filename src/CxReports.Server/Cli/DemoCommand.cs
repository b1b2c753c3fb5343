using System.CommandLine;
using System.Diagnostics;
using CxReports.Engine.Demo;

namespace CxReports.Server.Cli;

/// <summary><c>cxr demo [--out DIR] [--customers N] [--seed S]</c>: writes the realistic, deliberately messy demo dataset.</summary>
public static class DemoCommand
{
    public static Command Create(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var output = new Option<string?>("--out") { Description = "Where to write the files (default: --data)" };
        var customers = new Option<int>("--customers") { Description = "Number of customers", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same files", DefaultValueFactory = _ => 42 };
        var command = new Command("demo", "Write the demo dataset (customers, churns, invoices, surveys, tickets, usage, costs, orders)");
        command.Options.Add(output);
        command.Options.Add(customers);
        command.Options.Add(seed);
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(output) ?? parse.GetValue(options.Data)!;
            var watch = Stopwatch.StartNew();
            DemoSummary summary;
            try
            {
                summary = DemoDataGenerator.Generate(new DemoOptions(directory, parse.GetValue(customers), parse.GetValue(seed)));
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine($"cxr demo: {e.Message}");
                return ExitCodes.Usage;
            }
            foreach (var (file, rows) in summary.RowsPerFile.OrderBy(r => r.Key, StringComparer.Ordinal))
                stdout.WriteLine($"{Path.Combine(directory, file)}\t{rows} rows");
            stderr.WriteLine($"demo data {summary.From:yyyy-MM-dd} .. {summary.To:yyyy-MM-dd} (CX programme from {summary.ProgrammeStart:yyyy-MM-dd}) written in {watch.ElapsedMilliseconds} ms");
            return ExitCodes.Ok;
        });
        return command;
    }
}
