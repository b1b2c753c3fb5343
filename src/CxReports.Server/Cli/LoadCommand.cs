using System.CommandLine;
using CxReports.Engine.Loading;
using CxReports.Engine.Warehouse;
using Spectre.Console;

namespace CxReports.Server.Cli;

/// <summary>
/// <c>cxr load [--force] [--allow-shrink]</c>: loads every source whose files are new or changed into the warehouse,
/// one status line per source as it goes (stderr), then the summary table (stdout) and every load error with file and
/// line. A load that would drop more rows than its source allows is refused unless <c>--allow-shrink</c> is given.
/// </summary>
public static class LoadCommand
{
    public static Command Create(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var force = new Option<bool>("--force") { Description = "Reload every source, changed or not" };
        var allowShrink = new Option<bool>("--allow-shrink") { Description = "Let this load empty a table or drop more of its rows than the source allows" };
        var command = new Command("load", "Load or refresh every source into the warehouse");
        command.Options.Add(force);
        command.Options.Add(allowShrink);
        command.SetAction(parse =>
        {
            if (ModelLoader.Load(parse.GetValue(options.Reports)!, options, stderr) is not { } model) return ExitCodes.Errors;
            var data = parse.GetValue(options.Data)!;
            if (!Directory.Exists(options.FullPath(data)))
            {
                stderr.WriteLine($"cxr load: data directory '{data}' not found (use --data DIR, or cxr demo to write the demo data)");
                return ExitCodes.Usage;
            }

            var warehouseOptions = options.WarehouseFor(parse);
            IWarehouse warehouse;
            try
            {
                warehouse = options.Host.OpenWarehouse(warehouseOptions);
            }
            catch (Exception e) when (e is WarehouseException or System.Data.Common.DbException)
            {
                stderr.WriteLine($"cxr load: {Problems.WarehouseFailure.Describe(e, warehouseOptions)}");
                return ExitCodes.Errors;
            }
            using var _ = warehouse;
            var outcomes = new List<LoadOutcome>();
            try
            {
                foreach (var outcome in new WarehouseLoader(warehouse, TimeProvider.System)
                             .LoadAll(model, parse.GetValue(force), s => stderr.Write($"loading {s.Name} ... "), allowShrink: parse.GetValue(allowShrink)))
                {
                    stderr.WriteLine(outcome.Status switch
                    {
                        LoadStatus.Loaded => $"{outcome.Rows:N0} rows in {outcome.Duration.TotalMilliseconds:N0} ms",
                        LoadStatus.Unchanged => "unchanged",
                        _ when RefusedShrink(outcome) => "refused: it would shrink the table (see below)",
                        _ => $"failed ({outcome.ErrorCount} error{(outcome.ErrorCount == 1 ? "" : "s")})",
                    });
                    outcomes.Add(outcome);
                }
            }
            catch (WarehouseException e)
            {
                stderr.WriteLine($"\ncxr load: {e.Message}");
                return ExitCodes.Errors;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException) // a damaged file, a full disk
            {
                stderr.WriteLine($"\ncxr load: {Problems.WarehouseFailure.Describe(e, warehouseOptions)}");
                return ExitCodes.Errors;
            }

            Summary(stdout, options.Host, outcomes, outcomes.ToDictionary(o => o.Source, o => warehouse.Log.LastLoaded(o.Source)?.DataThrough is { } through
                ? through.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : ""));
            // A full disk fails every source after it in the same way; that is one fact about the warehouse, said once.
            var diagnostics = outcomes.SelectMany(o => o.Diagnostics).ToArray();
            foreach (var diagnostic in diagnostics.Where(d => !Engine.Warehouse.StorageFailure.IsDiskFull(d.Message)))
                stdout.WriteLine(diagnostic.Headline);
            if (diagnostics.FirstOrDefault(d => Engine.Warehouse.StorageFailure.IsDiskFull(d.Message)) is { } full)
                stderr.WriteLine($"cxr load: {Problems.WarehouseFailure.Describe(full.Message[(full.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..], warehouseOptions)}");
            return outcomes.Any(o => o.Status == LoadStatus.Failed) ? ExitCodes.Errors : ExitCodes.Ok;
        });
        return command;
    }

    private static bool RefusedShrink(LoadOutcome outcome) => outcome.Diagnostics.Any(d => d.Code == LoadCodes.Shrink);

    /// <summary>One line per source; "data through" is the day (UTC) the source's last good load ends on.</summary>
    private static void Summary(TextWriter stdout, CommandHost host, IReadOnlyList<LoadOutcome> outcomes, IReadOnlyDictionary<string, string> dataThrough)
    {
        var table = new Table().AddColumns("source", "status", "rows", "files", "MB", "time (ms)", "MB/s", "data through");
        foreach (var column in table.Columns.Skip(2).SkipLast(1)) column.RightAligned();
        table.Columns[1].NoWrap(); // "refused: would shrink" is read as one phrase
        foreach (var o in outcomes)
            table.AddRow(
                Markup.Escape(o.Source),
                o.Status switch
                {
                    LoadStatus.Loaded => "[green]loaded[/]", LoadStatus.Unchanged => "unchanged",
                    _ when RefusedShrink(o) => "[red]refused: would shrink[/]", _ => "[red]failed[/]",
                },
                o.Rows.ToString("N0"), o.Files.ToString(), (o.Bytes / 1e6).ToString("N1"),
                o.Duration.TotalMilliseconds.ToString("N0"), o.Status == LoadStatus.Loaded ? o.MegabytesPerSecond.ToString("N1") : "",
                dataThrough[o.Source]);
        host.Console(stdout).Write(table);
    }
}
