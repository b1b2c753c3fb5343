using System.CommandLine;
using CxReports.Dsl.Binding;
using CxReports.Engine.Planning;
using CxReports.Dsl.Model;
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
            if (request.Request(parse, stderr) is not { } asked) return ExitCodes.Usage;
            var planner = new ReportPlanner(model, options.WarehouseFor(parse).Dialect, TimeProvider.System);
            try
            {
                if (model.Reports.TryGetValue(text, out var report))
                {
                    foreach (var (block, plan) in planner.Explain(report, asked))
                        stdout.WriteLine($"-- block {block}\n{plan.Sql};\n{Parameters(plan)}\n");
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
                var written = ResolvedPeriod.Resolve(new RelativePeriodModel(PeriodAnchor.Previous, 12, TimeUnit.Month), planner.Today);
                var period = ResolvedPeriod.Of(asked.From ?? written.From, asked.To ?? written.To, planner.Today);
                var planned = new QueryPlanner(new PlanContext(model, options.WarehouseFor(parse).Dialect, period, "UTC", new Dictionary<string, object?>(), [])).Plan(query);
                stdout.WriteLine($"{planned.Sql};\n{Parameters(planned)}");
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

    private static string Parameters(PlannedQuery plan) =>
        "-- parameters: " + string.Join(", ", plan.Parameters.Select((p, i) => $"${i + 1} = {ParamValues.Show(p)}"));
}
