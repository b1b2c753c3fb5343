using System.CommandLine;
using System.Globalization;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Engine.Alerts;
using CxReports.Engine.Execution;
using CxReports.Engine.Planning;
using CxReports.Engine.Scheduling;
using CxReports.Engine.Warehouse;
using CxReports.Rendering.Alerts;
using CxReports.Server.Delivery;
using CxReports.Server.Settings;

namespace CxReports.Server.Cli;

/// <summary>
/// <c>cxr alert check [NAME] [--dry-run] [--at YYYY-MM-DD]</c>: evaluates every alert (or the one named) now and prints
/// each segment's outcome with its value, previous value, change, guard and p-value; then notifies the alert's targets
/// of what changed state, as a manual run in the run log (<see cref="AlertRunner"/>). <c>--dry-run</c> shows what would
/// be sent to whom instead; <c>--at</c> evaluates as on a past day and only prints (notices and states are about now).
/// </summary>
public static class AlertCommand
{
    public static Command Create(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var name = new Argument<string?>("name") { Description = "The alert to check (default: every alert)", Arity = ArgumentArity.ZeroOrOne };
        var at = new Option<string?>("--at") { Description = "Evaluate as on this day (YYYY-MM-DD) in each alert's zone (default: today); only prints" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Evaluate and show what would be sent to whom; send nothing, write no state" };
        var limits = new LimitOptions();
        var check = new Command("check", "Evaluate alerts now, print what fires and notify its targets");
        check.Arguments.Add(name);
        check.Options.Add(at);
        check.Options.Add(dryRun);
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
            var notify = day is null && !parse.GetValue(dryRun);
            // Settings the channels bind are checked before anything is evaluated: a port that is not a number is said, not thrown.
            if (notify && SettingTypes.Mistakes(options.Configuration) is { Count: > 0 } mistakes)
            {
                foreach (var mistake in mistakes) stderr.WriteLine($"cxr alert check: {mistake}");
                return ExitCodes.Usage;
            }
            if (ModelLoader.Load(parse.GetValue(options.Reports)!, options, stderr) is not { } model) return ExitCodes.Errors;
            var alerts = Selected(model, parse.GetValue(name), stderr);
            if (alerts is null) return ExitCodes.Usage;

            using var warehouse = WarehouseSession.Open(model, options.WarehouseFor(parse), options.Host, stderr);
            if (warehouse is null) return ExitCodes.Usage;
            var evaluator = new AlertEvaluator(model, warehouse, limits.Limits(parse), TimeSpan.FromSeconds(60));
            try
            {
                if (notify) return Notify(alerts, evaluator, warehouse, DeliveryOptions.From(options.Configuration), options.Host.InServer, stdout, stderr);
                foreach (var alert in alerts)
                {
                    var evaluation = day is { } d ? evaluator.Evaluate(alert, d) : evaluator.Evaluate(alert, TimeProvider.System.GetUtcNow());
                    Print(stdout, alert, evaluation);
                    if (day is null) PrintWouldSend(stdout, alert, evaluation, warehouse);
                }
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

    /// <summary>
    /// Runs each alert now as a manual run (the run log, the states, each target once), printing its evaluation and
    /// what each target's delivery did; exit 1 when a run failed or a target was not delivered, 4 when an alert was
    /// refused because the server is checking it.
    /// </summary>
    /// <remarks>
    /// An alert's run writes its new states only after its notices are sent (<see cref="AlertRunner"/>), so while a run
    /// of the alert is unfinished the stored states are the old ones, and a manual run evaluated now would find the same
    /// changes and tell them again under its own slot's keys: every target told twice. So before evaluating, the run log
    /// is asked for unfinished runs of the alert. Inside a server the run is the server's (its scheduled check still
    /// sending, or an interrupted run its scheduler resumes): the alert is refused. Waiting for it is no option: this
    /// command holds the server's warehouse for its whole turn, and the server's run needs a turn to record its
    /// deliveries and save its states, so it would wait for us as we wait for it. Resuming it here would race the
    /// server's own resume. The exception is a run a runner of the server's process gave up partway (it threw: a
    /// warehouse error saving the states, a bug writing a message; <see cref="RunGate.WasAbandoned"/>): nobody will
    /// resume it before the server restarts, so it is finished here as below rather than refusing the alert until
    /// then. Without a server nobody else can hold the warehouse, so an unfinished run is one a stopped process left:
    /// it is finished first with the runner's resume (same slot, same keys: what was told is not told again, what was
    /// cut off is in doubt), which saves the states the check then starts from.
    /// </remarks>
    private static int Notify(IReadOnlyList<AlertModel> alerts, AlertEvaluator evaluator, IWarehouse warehouse, DeliveryOptions delivery, bool inServer,
        TextWriter stdout, TextWriter stderr)
    {
        using var http = new HttpClient();
        var runner = new AlertRunner(new RunLog(warehouse).EnsureCreated(), new AlertStateStore(new DirectWarehouseAccess(warehouse)).EnsureCreated(),
            (alert, slot) =>
            {
                var evaluation = evaluator.Evaluate(alert, slot);
                Print(stdout, alert, evaluation);
                return evaluation;
            },
            new AlertMessageWriter(delivery.PublicUrl), DeliveryChannels.Messages(delivery, http, TimeProvider.System), TimeProvider.System);
        var failed = false;
        var refused = false;
        foreach (var alert in alerts)
        {
            var unfinished = runner.Unfinished(alert.Name);
            if (inServer && runner.InFlight(alert.Name).Concat(unfinished.Where(r => !RunGate.WasAbandoned(r.RunId))).FirstOrDefault() is { } serversRun)
            {
                stderr.WriteLine($"cxr alert check: {alert.Name}: the server is checking this alert now (its run for {Instant(serversRun.ScheduledFor)} "
                                 + $"started {Instant(serversRun.Started)} and is not finished); nothing was evaluated or sent, so no notice goes out twice: run the check again when that run has finished");
                refused = true;
                continue;
            }
            foreach (var interrupted in unfinished)
            {
                stdout.WriteLine($"{alert.Name}: finishing its run for {Instant(interrupted.ScheduledFor)}, left unfinished by a process that stopped or a check that failed partway");
                if (runner.ResumeAsync(interrupted, alert, CancellationToken.None).GetAwaiter().GetResult() is { } resumed)
                    failed |= Reported(resumed, alert, stdout, stderr);
            }
            failed |= Reported(runner.RunNowAsync(alert, CancellationToken.None).GetAwaiter().GetResult(), alert, stdout, stderr);
        }
        return failed ? ExitCodes.Errors : refused ? ExitCodes.Busy : ExitCodes.Ok;
    }

    /// <summary>Prints what each target's delivery of a run did; whether the run failed or left a target undelivered.</summary>
    private static bool Reported(RunOutcome outcome, AlertModel alert, TextWriter stdout, TextWriter stderr)
    {
        foreach (var attempt in outcome.Deliveries.GroupBy(d => d.IdempotencyKey).Select(g => g.Last()))
            stdout.WriteLine($"  notified {attempt.Kind} {attempt.Target}: {attempt.Status.ToText()}{(attempt.Error is null ? "" : $" ({attempt.Error})")}");
        if (outcome.Status == RunStatus.Evaluated) stdout.WriteLine("  no segment changed state: nothing sent");
        if (outcome.Status is RunStatus.Failed && outcome.Deliveries.Count == 0) stderr.WriteLine($"cxr alert check: {alert.Name}: {outcome.Error}");
        return outcome.Status is RunStatus.Failed or RunStatus.Partial;
    }

    private static string Instant(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>What a run now would send, against the states as stored (read, never written): per target, the message's title and lines.</summary>
    private static void PrintWouldSend(TextWriter stdout, AlertModel alert, AlertEvaluation evaluation, IWarehouse warehouse)
    {
        var states = warehouse.TableExists(AlertStateStore.Table)
            ? new AlertStateStore(new DirectWarehouseAccess(warehouse)).Of(alert.Name)
            : new Dictionary<string, AlertState>();
        var (_, notices) = AlertTransitions.Apply(states, evaluation, TimeProvider.System.GetUtcNow());
        if (notices.Count == 0)
        {
            stdout.WriteLine("  would send nothing: no segment changed state");
            return;
        }
        var message = AlertMessage.Of(alert, evaluation, notices);
        if (alert.Targets.Count == 0) stdout.WriteLine($"  would tell no one (no notify line): {message.Title}");
        foreach (var target in alert.Targets)
            stdout.WriteLine($"  would notify {target.Channel.ToString().ToLowerInvariant()} {RedactedTarget.Of(target.Address)}: {message.Title}");
        foreach (var line in message.Lines) stdout.WriteLine($"    {line.Text}");
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
        // Segments come from the period's rows: none means the data has nothing in it (it ended before, or no answers).
        if (evaluation.Segments.Count == 0) stdout.WriteLine("  no data in this period: no segment to judge");
        foreach (var segment in evaluation.Segments)
        {
            var line = $"  {Outcome(segment.Outcome),-24} {(segment.Name.Length == 0 ? "(all)" : segment.Name)}  value {Number(segment.Value)}"
                       + $"  previous {Number(segment.Previous)}  change {Change(segment.Change, alert.Condition)}";
            if (segment.Guard is { } guard)
                line += $"  {alert.Minimum!.Metric} {Number(guard)}" + (segment.PreviousGuard is { } before ? $" (previous {Number(before)})" : "");
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
