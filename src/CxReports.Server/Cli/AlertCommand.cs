using System.CommandLine;
using System.Globalization;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Engine.Alerts;
using CxReports.Engine.Execution;
using CxReports.Engine.Planning;
using CxReports.Engine.Warehouse;

namespace CxReports.Server.Cli;

/// <summary>
/// <c>cxr alert check [NAME] [--at YYYY-MM-DD]</c>: evaluates every alert (or the one named) now, or as on the day given
/// in each alert's zone, and prints each segment's outcome with its value, previous value, change, guard and p-value.
/// </summary>
public static class AlertCommand
{
    public static Command Create(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var name = new Argument<string?>("name") { Description = "The alert to check (default: every alert)", Arity = ArgumentArity.ZeroOrOne };
        var at = new Option<string?>("--at") { Description = "Evaluate as on this day (YYYY-MM-DD) in each alert's zone (default: today)" };
        var limits = new LimitOptions();
        var check = new Command("check", "Evaluate alerts now and print what fires");
        check.Arguments.Add(name);
        check.Options.Add(at);
        limits.AddTo(check);
        check.SetAction(parse =>
        {
            DateOnly? day = null;
            if (parse.GetValue(at) is { } text)
            {
                var (date, error) = Requests.RequestReader.ParseDate(text, "--at");
                if (error is not null)
                {
                    stderr.WriteLine($"cxr alert check: {error}");
                    return ExitCodes.Usage;
                }
                day = date;
            }
            if (ModelLoader.Load(parse.GetValue(options.Reports)!, options, stderr) is not { } model) return ExitCodes.Errors;
            var alerts = Selected(model, parse.GetValue(name), stderr);
            if (alerts is null) return ExitCodes.Usage;

            using var warehouse = WarehouseSession.Open(model, options.WarehouseFor(parse), options.Host, stderr);
            if (warehouse is null) return ExitCodes.Usage;
            var evaluator = new AlertEvaluator(model, warehouse, limits.Limits(parse), TimeSpan.FromSeconds(60));
            try
            {
                foreach (var alert in alerts)
                    Print(stdout, alert, day is { } d ? evaluator.Evaluate(alert, d) : evaluator.Evaluate(alert, TimeProvider.System.GetUtcNow()));
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is PlanningException or QueryTimeoutException or ResultLimitException or TooManyBucketsException or System.Data.Common.DbException)
            {
                stderr.WriteLine($"cxr alert check: {LimitOptions.Explain(e)}");
                return ExitCodes.Errors;
            }
        });
        var command = new Command("alert", "Alerts: metrics watched per segment");
        command.Subcommands.Add(check);
        command.Subcommands.Add(AlertListCommand.Create(options, stdout, stderr));
        return command;
    }

    /// <summary>The alert named (an unknown name is a usage error with the closest name), or every alert in name order.</summary>
    private static IReadOnlyList<AlertModel>? Selected(SemanticModel model, string? name, TextWriter stderr)
    {
        if (name is null) return model.Alerts.Values.OrderBy(a => a.Name, StringComparer.Ordinal).ToArray();
        if (model.Alerts.TryGetValue(name, out var alert)) return [alert];
        var hint = DidYouMean.Hint(name, model.Alerts.Keys) ?? (model.Alerts.Count == 0
            ? "the model has no alerts"
            : $"the alerts are {string.Join(", ", model.Alerts.Keys.Order(StringComparer.Ordinal))}");
        stderr.WriteLine($"cxr alert check: unknown alert '{Requests.RequestReader.Shorten(name)}': {hint}");
        return null;
    }

    private static void Print(TextWriter stdout, AlertModel alert, AlertEvaluation evaluation)
    {
        stdout.WriteLine($"{alert.Name} \"{alert.Label}\": {Dates(evaluation.Period)}{(evaluation.Earlier is { } e ? " vs " + Dates(e) : "")}");
        foreach (var segment in evaluation.Segments)
        {
            var line = $"  {Outcome(segment.Outcome),-24} {(segment.Name.Length == 0 ? "(all)" : segment.Name)}  value {Number(segment.Value)}"
                       + $"  previous {Number(segment.Previous)}  change {Change(segment.Change, alert.Condition)}";
            if (segment.Guard is { } guard) line += $"  {alert.Minimum!.Metric} {Number(guard)}";
            if (segment.Significance is { } test)
                line += $"  p {test.PValue.ToString("0.####", CultureInfo.InvariantCulture)}"
                        + $" ({test.Level:0.##%} interval {Number(test.Low)} .. {Number(test.High)})";
            stdout.WriteLine(line);
        }
    }

    private static string Outcome(AlertOutcome outcome) => outcome switch
    {
        AlertOutcome.Fired => "FIRED",
        AlertOutcome.Quiet => "quiet",
        AlertOutcome.SuppressedByMinimum => "too few (min)",
        AlertOutcome.SuppressedBySignificance => "not significant",
        _ => "no data",
    };

    private static string Dates(ResolvedPeriod period) =>
        $"{period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} .. {period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-";

    private static string Change(double? change, AlertCondition condition) => change switch
    {
        null => "-",
        var c when condition is ChangeCondition { Relative: true } => c.Value.ToString("+0.#%;-0.#%;0%", CultureInfo.InvariantCulture),
        var c => c.Value.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture),
    };
}
