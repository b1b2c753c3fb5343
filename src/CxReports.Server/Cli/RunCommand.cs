using System.CommandLine;
using CxReports.Dsl.Binding;
using CxReports.Engine.Execution;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Rendering.Csv;
using CxReports.Rendering.Json;

namespace CxReports.Server.Cli;

/// <summary><c>cxr run REPORT [--from D --to D] [--param k=v]... [--format json|csv] [-o FILE]</c>: evaluates a report.</summary>
public static class RunCommand
{
    public static Command Create(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var name = new Argument<string>("report") { Description = "The report's name" };
        var request = new ReportOptions();
        var format = new Option<string>("--format") { Description = "json or csv", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var output = new Option<string?>("-o", "--output") { Description = "Write to this file instead of stdout" };
        var command = new Command("run", "Evaluate a report and print it as JSON or CSV");
        command.Arguments.Add(name);
        request.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            if (ModelLoader.Load(parse.GetValue(options.Reports)!, stderr) is not { } model) return ExitCodes.Errors;
            if (!model.Reports.TryGetValue(parse.GetValue(name)!, out var report))
            {
                stderr.WriteLine($"cxr run: no report '{parse.GetValue(name)}'" +
                                 (DidYouMean.Hint(parse.GetValue(name)!, model.Reports.Keys) is { } hint ? $"; {hint}" : "") +
                                 $" (reports: {string.Join(", ", model.Reports.Keys.Order())})");
                return ExitCodes.Usage;
            }
            if (request.Request(parse, stderr) is not { } asked) return ExitCodes.Usage;
            using var warehouse = WarehouseSession.Open(model, parse.GetValue(options.Data)!, stderr);
            if (warehouse is null) return ExitCodes.Usage;
            try
            {
                var evaluated = new ReportEvaluator(model, warehouse, DuckDbDialect.Instance, TimeProvider.System, TimeSpan.FromSeconds(60))
                    .Evaluate(report, asked);
                var text = new StringWriter();
                if (parse.GetValue(format) == "csv")
                    WriteCsv(text, evaluated);
                else
                    text.WriteLine(ReportJson.ToJson(evaluated));
                if (parse.GetValue(output) is { } file) File.WriteAllText(file, text.ToString());
                else stdout.Write(text.ToString());
                return ExitCodes.Ok;
            }
            catch (ReportArgumentException e)
            {
                stderr.WriteLine($"cxr run: {e.Message}" + (e.Allowed.Count > 0 ? $" (allowed: {string.Join(", ", e.Allowed)})" : ""));
                return ExitCodes.Usage;
            }
            catch (Exception e) when (e is PlanningException or QueryTimeoutException or DuckDB.NET.Data.DuckDBException)
            {
                stderr.WriteLine($"cxr run: {e.Message}");
                return ExitCodes.Errors;
            }
        });
        return command;
    }

    /// <summary>Every table block as CSV, each preceded by a line naming it.</summary>
    private static void WriteCsv(TextWriter output, EvaluatedReport report)
    {
        var first = true;
        foreach (var block in report.Sections.SelectMany(s => s.Blocks).Where(b => b.Table is not null))
        {
            if (!first) output.Write("\n");
            output.Write($"# {block.Id}\n");
            ResultTableCsv.Write(output, block.Table!);
            first = false;
        }
    }
}
