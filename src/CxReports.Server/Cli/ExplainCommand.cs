using System.CommandLine;
using CxReports.Dsl.Binding;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;

namespace CxReports.Server.Cli;

/// <summary><c>cxr explain REPORT|"query"</c>: the SQL that would run, one statement per block, with its parameters.</summary>
public static class ExplainCommand
{
    public static Command Create(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var target = new Argument<string>("target") { Description = "A report name or a query in quotes" };
        var request = new ReportOptions();
        var command = new Command("explain", "Print the SQL a report or query runs");
        command.Arguments.Add(target);
        request.AddTo(command);
        command.SetAction(parse =>
        {
            if (ModelLoader.Load(parse.GetValue(options.Reports)!, options, stderr) is not { } model) return ExitCodes.Errors;
            var text = parse.GetValue(target)!;
            var planner = new ReportPlanner(model, options.WarehouseFor(parse).Dialect, TimeProvider.System);
            try
            {
                if (request.Request(parse, model.Reports.GetValueOrDefault(text), stderr) is not { } asked) return ExitCodes.Usage;
                if (model.Reports.TryGetValue(text, out var report))
                {
                    stdout.Write(ExplainText.Of(planner.Explain(report, asked)));
                    return ExitCodes.Ok;
                }
                // One bare name is what a report name looks like: unknown as a report and as a metric, the user most
                // likely misspelt a report, and "unknown metric" would send them the wrong way.
                if (IsBareName(text) && !model.Metrics.ContainsKey(text))
                {
                    stderr.WriteLine($"cxr explain: no report or metric '{text}'" +
                                     (DidYouMean.Hint(text, model.Reports.Keys.Concat(model.Metrics.Keys)) is { } hint ? $"; {hint}" : "") +
                                     $" (reports: {string.Join(", ", model.Reports.Keys.Order())})");
                    return ExitCodes.Usage;
                }
                var (query, diagnostics) = ModelBinder.BindQuery(model, text);
                foreach (var diagnostic in diagnostics) stderr.WriteLine(diagnostic.Headline);
                if (query is null) return ExitCodes.Errors;
                var planned = AdHocQuery.Plan(model, options.WarehouseFor(parse).Dialect, query, AdHocQuery.Period(asked.From, asked.To, planner.Today), timeZone: null, locale: null);
                stdout.WriteLine(ExplainText.Of(planned));
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is PlanningException or ReportArgumentException)
            {
                stderr.WriteLine($"cxr explain: {e.Message}");
                return ExitCodes.Errors;
            }
        });
        return command;
    }

    private static bool IsBareName(string text) =>
        text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_');
}
