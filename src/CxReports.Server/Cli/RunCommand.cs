using System.CommandLine;
using CxReports.Dsl.Binding;
using CxReports.Engine.Execution;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Rendering.Sheets;
using CxReports.Rendering.Json;
using CxReports.Dsl.Model;
using CxReports.Engine.Scheduling;
using CxReports.Engine.Warehouse;
using CxReports.Server.Delivery;
using CxReports.Server.Settings;

namespace CxReports.Server.Cli;

/// <summary><c>cxr run REPORT [--from D --to D] [--param k=v]... [--format json|csv|pdf|xlsx|zip] [--block ID] [-o FILE]</c>: evaluates a report.</summary>
public static class RunCommand
{
    public static Command Create(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var name = new Argument<string>("report") { Description = "The report's name" };
        var request = new ReportOptions();
        var limits = new LimitOptions();
        var format = new Option<string>("--format") { Description = "json, csv, pdf, xlsx or zip (pdf, xlsx and zip need -o FILE)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv", "pdf", "xlsx", "zip");
        var block = new Option<string?>("--block") { Description = "csv: the block whose table to write (needed when the report has more than one)" };
        var output = new Option<string?>("-o", "--output") { Description = "Write to this file instead of stdout" };
        var deliver = new Option<bool>("--deliver") { Description = "Also deliver it now to the targets of its schedule (recorded in the run log)" };
        var outRoot = new Option<string?>("--out") { Description = "Output root of folder deliveries (default: Delivery:OutputRoot, CXR_OUTPUT_ROOT or ./out)" };
        var command = new Command("run", "Evaluate a report and write it as JSON, CSV, PDF, XLSX or zip");
        command.Arguments.Add(name);
        request.AddTo(command);
        limits.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(block);
        command.Options.Add(output);
        command.Options.Add(deliver);
        command.Options.Add(outRoot);
        command.SetAction(parse =>
        {
            if (ModelLoader.Load(parse.GetValue(options.Reports)!, options, stderr) is not { } model) return ExitCodes.Errors;
            if (!model.Reports.TryGetValue(parse.GetValue(name)!, out var report))
            {
                stderr.WriteLine($"cxr run: no report '{parse.GetValue(name)}'" +
                                 (DidYouMean.Hint(parse.GetValue(name)!, model.Reports.Keys) is { } hint ? $"; {hint}" : "") +
                                 $" (reports: {string.Join(", ", model.Reports.Keys.Order())})");
                return ExitCodes.Usage;
            }
            var chosen = parse.GetValue(format)!;
            string? csvBlock = null;
            if (parse.GetValue(block) is { } wanted && chosen != "csv")
            {
                stderr.WriteLine($"cxr run: --block chooses the table of a CSV; {chosen} documents have every block");
                return ExitCodes.Usage;
            }
            if (chosen == "csv" && !parse.GetValue(deliver))
            {
                var (id, problem) = ReportBlocks.Choose(report.Name, ReportBlocks.TableIds(report), parse.GetValue(block));
                if (problem is not null)
                {
                    stderr.WriteLine($"cxr run: {problem.Replace("name one with block", "name one with --block")}");
                    return ExitCodes.Usage;
                }
                csvBlock = id;
            }
            if (chosen is "pdf" or "xlsx" or "zip" && parse.GetValue(output) is null && !parse.GetValue(deliver))
            {
                stderr.WriteLine($"cxr run: a {chosen.ToUpperInvariant()} file is binary; write it to a file with -o {report.Name}.{chosen}");
                return ExitCodes.Usage;
            }
            // Settings a delivery binds are checked before anything is evaluated: a port that is not a number is said, not thrown.
            if (parse.GetValue(deliver) && SettingTypes.Mistakes(options.Configuration) is { Count: > 0 } mistakes)
            {
                foreach (var mistake in mistakes) stderr.WriteLine($"cxr run: {mistake}");
                return ExitCodes.Usage;
            }
            ReportRequest? asked;
            try
            {
                asked = request.Request(parse, report, stderr);
            }
            catch (ReportArgumentException e)
            {
                return Refused(e, stderr);
            }
            if (asked is null) return ExitCodes.Usage;
            using var warehouse = WarehouseSession.Open(model, options.WarehouseFor(parse), options.Host, stderr);
            if (warehouse is null) return ExitCodes.Usage;
            try
            {
                var evaluator = new ReportEvaluator(model, warehouse, TimeProvider.System, TimeSpan.FromSeconds(60), limits.Limits(parse));
                var evaluated = evaluator.Evaluate(report, asked);
                if (parse.GetValue(deliver))
                {
                    var configured = DeliveryOptions.From(options.Configuration);
                    var delivery = parse.GetValue(outRoot) is { } root ? configured with { OutputRoot = root } : configured;
                    return Deliver(report, evaluated, warehouse, delivery with { OutputRoot = options.FullPath(delivery.OutputRoot) }, stderr);
                }
                var file = parse.GetValue(output) is { } path ? options.FullPath(path) : null;
                switch (chosen)
                {
                    case "pdf" or "xlsx" or "zip":
                        options.Host.WriteFile(file!, DeliveryFormats.All.Single(f => f.Format == chosen).Render(evaluated));
                        break;
                    case "csv" when file is not null:
                        options.Host.WriteFile(file, ReportCsv.Block(evaluated, csvBlock!));
                        break;
                    case "csv":
                        // On a terminal or a pipe: the same text without the byte order mark a spreadsheet needs.
                        stdout.Write(System.Text.Encoding.UTF8.GetString(ReportCsv.Block(evaluated, csvBlock!)).TrimStart('\uFEFF'));
                        break;
                    default:
                        var json = ReportJson.ToJson(evaluated) + Environment.NewLine;
                        if (file is not null) options.Host.WriteFile(file, System.Text.Encoding.UTF8.GetBytes(json));
                        else stdout.Write(json);
                        break;
                }
                return ExitCodes.Ok;
            }
            catch (ReportArgumentException e)
            {
                return Refused(e, stderr);
            }
            catch (Exception e) when (e is PlanningException or QueryTimeoutException or ResultLimitException or TooManyBucketsException or System.Data.Common.DbException)
            {
                stderr.WriteLine($"cxr run: {LimitOptions.Explain(e)}");
                return ExitCodes.Errors;
            }
            catch (SpreadsheetLimitException e)
            {
                stderr.WriteLine($"cxr run: {e.Message}; narrow the block (a shorter period, a coarser grain, a top N) or write --format zip (CSV files have no row limit)");
                return ExitCodes.Errors;
            }
        });
        return command;
    }

    /// <summary>A period or parameter the report cannot take, with the values it allows.</summary>
    private static int Refused(ReportArgumentException e, TextWriter stderr)
    {
        stderr.WriteLine($"cxr run: {e.Message}" + (e.Allowed.Count > 0 ? $" (allowed: {string.Join(", ", e.Allowed)})" : ""));
        return ExitCodes.Usage;
    }

    /// <summary>Delivers an evaluated report now to every target of its schedule, as a manual run in the run log.</summary>
    private static int Deliver(ReportModel report, EvaluatedReport evaluated, IWarehouse warehouse, DeliveryOptions delivery, TextWriter stderr)
    {
        if (report.Schedule is null)
        {
            stderr.WriteLine($"cxr run: report '{report.Name}' has no schedule, so it has no delivery targets");
            return ExitCodes.Usage;
        }
        using var http = new HttpClient();
        var runner = new ReportRunner(new RunLog(warehouse).EnsureCreated(), (_, _) => evaluated,
            DeliveryFormats.All, DeliveryChannels.All(delivery, http, TimeProvider.System), TimeProvider.System);
        var outcome = runner.RunNowAsync(report, CancellationToken.None).GetAwaiter().GetResult();
        foreach (var attempt in outcome.Deliveries.GroupBy(d => d.IdempotencyKey).Select(g => g.Last()))
            stderr.WriteLine($"{attempt.Kind} {attempt.Target}: {attempt.Status.ToText()}{(attempt.Error is null ? "" : $" ({attempt.Error})")}");
        stderr.WriteLine($"run {outcome.RunId}: {outcome.Status.ToText()}");
        return outcome.Status == RunStatus.Delivered ? ExitCodes.Ok : ExitCodes.Errors;
    }
}
