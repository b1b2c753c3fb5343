using System.CommandLine;
using System.Globalization;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Engine.Execution;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Engine.Warehouse;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Json;
using CxReports.Rendering.Sheets;
using Spectre.Console;

namespace CxReports.Server.Cli;

/// <summary><c>cxr query "nps, csat by month, channel" [--from D --to D] [--timezone Z] [--locale L] [--format json|csv|table]</c>.</summary>
public static class QueryCommand
{
    public static Command Create(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var text = new Argument<string>("query") { Description = "metrics [by dimensions] [where condition] [order by column [asc|desc], ...] [top N [by metric]]" };
        var locale = new Option<string?>("--locale") { Description = "Locale whose alphabet orders text values (tr-TR, en-US; default: the model block's, else en-US)" };
        var period = new PeriodOptions();
        var limits = new LimitOptions();
        var format = new Option<string>("--format") { Description = "json, csv or table", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv", "table");
        var command = new Command("query", "Compute metrics by dimensions over the warehouse");
        command.Arguments.Add(text);
        period.AddTo(command);
        limits.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(locale);
        command.SetAction(parse =>
        {
            if (parse.GetValue(locale) is { } asked && !Rules.IsKnownLocale(asked))
            {
                stderr.WriteLine($"cxr query: unknown locale '{parse.GetValue(locale)}' for --locale (language-region names such as tr-TR or en-US)");
                return ExitCodes.Usage;
            }
            if (ModelLoader.Load(parse.GetValue(options.Reports)!, options, stderr) is not { } model) return ExitCodes.Errors;
            var (query, diagnostics) = ModelBinder.BindQuery(model, parse.GetValue(text)!);
            foreach (var diagnostic in diagnostics) DiagnosticPrinter.Print(stderr, diagnostic, new Dictionary<string, Dsl.Text.SourceFile> { ["<query>"] = new("<query>", parse.GetValue(text)!) });
            if (query is null) return ExitCodes.Errors;
            if (period.Resolve(parse, stderr) is not { } resolved) return ExitCodes.Usage;

            using var warehouse = WarehouseSession.Open(model, options.WarehouseFor(parse), options.Host, stderr);
            if (warehouse is null) return ExitCodes.Usage;
            try
            {
                var table = Engine.Reports.AdHocQuery.Run(model, warehouse, query, resolved, period.TimeZone(parse), parse.GetValue(locale),
                    limits.Limits(parse), TimeSpan.FromSeconds(60));
                Print(stdout, options.Host, table, parse.GetValue(format)!);
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is PlanningException or QueryTimeoutException or ResultLimitException or TooManyBucketsException or System.Data.Common.DbException)
            {
                stderr.WriteLine($"cxr query: {LimitOptions.Explain(e)}");
                return ExitCodes.Errors;
            }
        });
        return command;
    }

    public static void Print(TextWriter stdout, CommandHost host, ResultTable table, string format)
    {
        switch (format)
        {
            case "csv":
                // A query has no locale: en-US, so ',' between fields and '.' in numbers; no byte order mark on a terminal or pipe.
                var english = new ValueFormatter("en-US");
                SpreadsheetCsv.Write(stdout, SheetTable.Of("query", null, table, english), english.Culture);
                break;
            case "table":
                var grid = new Table().AddColumns(table.Columns.Select(c => new TableColumn(Markup.Escape(c.Name))).ToArray());
                foreach (var row in table.Rows)
                    grid.AddRow(row.Select((v, i) => Markup.Escape(table.Columns[i].LabelOf(v) ?? Display(v, table.Columns[i].Grain))).ToArray());
                host.Console(stdout).Write(grid);
                break;
            default:
                stdout.WriteLine(ResultTableJson.ToJson(table));
                break;
        }
    }

    /// <summary>
    /// What people read: rounded to two decimals, blank for undefined, a time bucket as wide as its grain ("2025-12",
    /// "2025-Q4", "2025"; a day or week by its first day). CSV and JSON keep the first day, which machines sort and parse.
    /// </summary>
    private static string Display(object? value, TimeUnit? grain) => value switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        DateOnly date => grain switch
        {
            TimeUnit.Month => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            TimeUnit.Quarter => $"{date.Year}-Q{(date.Month - 1) / 3 + 1}",
            TimeUnit.Year => date.Year.ToString(CultureInfo.InvariantCulture),
            _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        },
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
