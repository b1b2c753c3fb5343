using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CxReports.Engine.Alerts;
using CxReports.Engine.Warehouse;
using CxReports.Server.Evaluation;

namespace CxReports.Server.Cli;

/// <summary>
/// <c>cxr alert list [--format table|json]</c>: every alert with its condition, guards, next check and channels, and
/// each segment's stored state (firing or normal since when, the last value, previous value, change and p-value), read
/// from the warehouse's state table: what <c>GET /api/alerts</c> answers, the JSON the same.
/// </summary>
public static class AlertListCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        // Checked here rather than by AcceptOnlyFromAmong, whose message quotes the value raw (control characters and all).
        format.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && token.Value is not ("table" or "json"))
                result.AddError($"--format must be table or json (got '{Requests.RequestReader.Shorten(token.Value)}')");
        });
        var list = new Command("list", "List the alerts with their state per segment");
        list.Options.Add(format);
        list.SetAction(parse =>
        {
            if (ModelLoader.Load(parse.GetValue(options.Reports)!, options, stderr) is not { } model) return ExitCodes.Errors;
            using var warehouse = WarehouseSession.Open(model, options.WarehouseFor(parse), options.Host, stderr);
            if (warehouse is null) return ExitCodes.Usage;
            var states = new AlertStateStore(new DirectWarehouseAccess(warehouse)).EnsureCreated().All();
            var now = TimeProvider.System.GetUtcNow();
            var alerts = model.Alerts.Values.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => AlertSummary.Of(a, states, now)).ToArray();
            if (parse.GetValue(format) == "json") stdout.WriteLine(JsonSerializer.Serialize(alerts, Json));
            else Print(stdout, alerts);
            return ExitCodes.Ok;
        });
        return list;
    }

    private static void Print(TextWriter stdout, IReadOnlyList<AlertSummary> alerts)
    {
        if (alerts.Count == 0) stdout.WriteLine("no alerts in the model");
        foreach (var alert in alerts)
        {
            stdout.WriteLine($"{alert.Name} \"{alert.Label}\": {alert.Condition}");
            var guards = new List<string>();
            if (alert.Minimum is { } minimum) guards.Add($"min {minimum.Metric} {minimum.Count}");
            if (alert.Significance is { } significance) guards.Add($"significance {AlertNumbers.Level(significance.Level)} ({significance.Test})");
            if (guards.Count > 0) stdout.WriteLine($"  guards: {string.Join(", ", guards)}");
            stdout.WriteLine(alert.Check is { } check
                ? $"  next check: {AlertNumbers.InZone(check.NextCheck, "-")} ({check.Cron} {check.TimeZone})"
                : "  next check: on demand only (cxr alert check)");
            stdout.WriteLine($"  notify: {(alert.Channels.Count == 0 ? "nobody" : string.Join(", ", alert.Channels.Select(c => $"{c.Kind} {c.Target}")))}");
            if (alert.Segments.Count == 0)
            {
                stdout.WriteLine("  not checked yet");
                continue;
            }
            string[] header = ["segment", "state", "since", "value", "previous", "change", "p"];
            var rows = alert.Segments.Select(s => new[]
            {
                s.Segment.Length == 0 ? "(all)" : s.Segment, s.State, Moment(s.Since), AlertNumbers.Value(s.Value, "-"), AlertNumbers.Value(s.Previous, "-"),
                AlertNumbers.Change(s.Change, alert.RelativeChange, "-"), AlertNumbers.PValue(s.PValue, "-"),
            }).Prepend(header).ToArray();
            var widths = header.Select((_, i) => rows.Max(r => r[i].Length)).ToArray();
            foreach (var row in rows)
                stdout.WriteLine("  " + string.Join("  ", row.Select((cell, i) => i >= 3 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    private static string Moment(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
