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
            if (ModelLoader.Load(parse.GetValue(options.Reports)!, stderr) is not { } model) return ExitCodes.Errors;
            var text = parse.GetValue(target)!;
            if (request.Request(parse, stderr) is not { } asked) return ExitCodes.Usage;
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            try
            {
                if (model.Reports.TryGetValue(text, out var report))
                {
                    // Explaining needs no data: the evaluator plans without touching the warehouse's tables.
                    using var warehouse = Engine.Warehouse.DuckDbWarehouse.Open(new Engine.Warehouse.WarehouseOptions(Path.Combine(Path.GetTempPath(), "cxr-explain")));
                    var evaluator = new ReportEvaluator(model, warehouse, DuckDbDialect.Instance, TimeProvider.System, TimeSpan.FromSeconds(60));
                    foreach (var (block, sql) in evaluator.Explain(report, asked))
                        stdout.WriteLine($"-- block {block}\n{sql};\n");
                    return ExitCodes.Ok;
                }
                var (query, diagnostics) = ModelBinder.BindQuery(model, text);
                foreach (var diagnostic in diagnostics) stderr.WriteLine(diagnostic.Headline);
                if (query is null) return ExitCodes.Errors;
                var period = ResolvedPeriod.Of(asked.From ?? ResolvedPeriod.Resolve(new Dsl.Binding.Model.RelativePeriodModel("previous", 12, Dsl.Syntax.Tree.TimeUnit.Month), today).From,
                    asked.To ?? ResolvedPeriod.Resolve(new Dsl.Binding.Model.RelativePeriodModel("previous", 12, Dsl.Syntax.Tree.TimeUnit.Month), today).To, today);
                var plan = new QueryPlanner(new PlanContext(model, DuckDbDialect.Instance, period, "UTC", new Dictionary<string, object?>(), [])).Plan(query);
                stdout.WriteLine($"{plan.Sql};");
                stdout.WriteLine($"-- parameters: {string.Join(", ", plan.Parameters.Select((p, i) => $"${i + 1} = {ParamValues.Show(p)}"))}");
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
}
