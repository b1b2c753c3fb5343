using System.Collections.ObjectModel;
using System.Diagnostics;
using CxReports.Engine.Dialects;
using DuckDB.NET.Data;

namespace CxReports.Engine.Demo;

/// <summary>
/// Rates of the SQL generator that differ from the C# one, so that a million customers give about ten million
/// survey answers and a usage log that still loads in seconds.
/// </summary>
/// <param name="Surveys">Answers per active customer-month, as a multiple of the C# generator's 0.22 (0.30 with the programme).</param>
/// <param name="Usage">Product events per active customer-month for an average plan and mood (the C# generator writes 6).</param>
public sealed record ScaleDemoRates(double Surveys = 2.8, double Usage = 1.0);

/// <summary>
/// Writes the demo dataset inside DuckDB with SQL: the same files as <see cref="DemoDataGenerator"/> (names,
/// headers, encodings, delimiters, date and number formats, quoting, blank lines) telling the same story (churn
/// falls once the CX programme starts, NPS and CSAT rise, detractors and leaving customers churn), but every row
/// is generated set-based from <c>range(N)</c> and written with <c>COPY ... TO</c>, so a million customers and
/// ten million answers take seconds rather than minutes. Random draws are hashes of (seed, row, stream): the same
/// options give byte-identical files whatever the thread count. The individual rows differ from the C#
/// generator's for the same seed; the distributions are the same except for <see cref="ScaleDemoRates"/>.
/// </summary>
public static class ScaleDemoGenerator
{
    /// <summary>The largest dataset it writes (the C# generator stops at 1,000,000).</summary>
    public const int MaxCustomers = 10_000_000;

    /// <summary>Writes every demo file into <see cref="DemoOptions.OutputDirectory"/>; <paramref name="step"/> hears each file's time.</summary>
    public static DemoSummary Generate(DemoOptions options, ScaleDemoRates? rates = null, Action<string, TimeSpan>? step = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        rates ??= new ScaleDemoRates();
        var calendar = new DemoCalendar(options.EffectiveEnd, options.Months);
        string directory = Path.GetFullPath(options.OutputDirectory);
        Directory.CreateDirectory(directory);
        string spill = Path.Combine(Path.GetTempPath(), "cxr-scale-" + Guid.NewGuid().ToString("N"));

        var rows = new Dictionary<string, int>();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var writer = new ScaleFileWriter(connection, directory, step);
        try
        {
            // A bounded share of a machine others use too (1,000,000 customers need about 2.4 GB); sorts spill beyond it.
            writer.Run("setup", [$"SET temp_directory = {Sql.Literal(spill)}", "SET memory_limit = '4GB'", .. ScaleSql.Macros(options.Seed), ScaleSql.Months(calendar)]);
            writer.Run("customers (table)", ScaleCustomerSql.Create(calendar, options.Customers), ScaleActivitySql.CustomerMonths(calendar));

            writer.RawLines(CustomerFileWriter.FileName, ScaleCustomerSql.CustomerLines(options.Customers));
            rows[CustomerFileWriter.FileName] = options.Customers;
            rows[ChurnFileWriter.FileName] = writer.Csv(ChurnFileWriter.FileName, ScaleCustomerSql.ChurnRows(), ';', crlf: true);

            DemoDataGenerator.RemoveStaleInvoiceYears(directory, calendar);
            writer.Run("invoices (table)", ScaleBillingSql.Invoices(calendar));
            for (int year = DemoCalendar.MonthStart(calendar.BillingFirstMonth).Year; year <= calendar.End.Year; year++)
            {
                string path = $"{InvoiceFileWriter.Folder}/{year}.csv";
                rows[path] = writer.Csv(path, ScaleBillingSql.InvoiceRows(year), ';', crlf: false);
            }
            writer.Run("invoices (drop)", "DROP TABLE inv");

            writer.Run("responses (table)", ScaleActivitySql.Responses(rates.Surveys));
            rows[SurveyFileWriter.FileName] = writer.Csv(SurveyFileWriter.FileName, ScaleActivitySql.ResponseRows(), ',', crlf: false);
            writer.Run("responses (drop)", "DROP TABLE resp");

            writer.Run("tickets (table)", ScaleActivitySql.Tickets(calendar));
            rows[TicketFileWriter.FileName] = writer.Csv(TicketFileWriter.FileName, ScaleActivitySql.TicketRows(), ',', crlf: false);
            writer.Run("tickets (drop)", "DROP TABLE tick");

            writer.Run("usage (table)", ScaleActivitySql.Usage(rates.Usage));
            rows[UsageFileWriter.FileName] = writer.Json(UsageFileWriter.FileName, ScaleActivitySql.UsageRows());
            writer.Run("usage (drop)", "DROP TABLE usage_events");

            writer.Run("orders (table)", ScaleActivitySql.Orders(calendar));
            rows[OrderFileWriter.FileName] = writer.Csv(OrderFileWriter.FileName, ScaleActivitySql.OrderRows(), ',', crlf: false);

            rows[CostFileWriter.FileName] = writer.Csv(CostFileWriter.FileName, ScaleBillingSql.CostRows(), ';', crlf: false);
        }
        finally
        {
            connection.Close();
            if (Directory.Exists(spill)) Directory.Delete(spill, recursive: true);
        }
        return new DemoSummary(new ReadOnlyDictionary<string, int>(rows), calendar.From, calendar.End, calendar.ProgrammeStart);
    }

    private static void Validate(DemoOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
            throw new ArgumentException("The output directory is required.", nameof(options));
        if (options.Customers is < 1 or > MaxCustomers)
            throw new ArgumentOutOfRangeException(nameof(options), options.Customers, $"Customers must be between 1 and {MaxCustomers:N0}.");
        if (options.Months is < DemoCalendar.ProgrammeMonthNumber or > 240)
            throw new ArgumentOutOfRangeException(nameof(options), options.Months,
                $"Months must be between {DemoCalendar.ProgrammeMonthNumber} and 240.");
        if (options.EffectiveEnd.Year - (options.Months + 36) / 12 < 2)
            throw new ArgumentOutOfRangeException(nameof(options), options.EffectiveEnd, "The end date is too early for the period.");
    }
}

/// <summary>
/// Runs the generator's statements and writes each file with <c>COPY</c> to a temporary sibling that replaces the
/// target only when complete (as <see cref="DemoFile"/> does), so a watching server never loads half a file.
/// </summary>
internal sealed class ScaleFileWriter(DuckDBConnection connection, string directory, Action<string, TimeSpan>? step)
{
    public void Run(string name, params string[] statements)
    {
        var watch = Stopwatch.StartNew();
        foreach (string sql in statements) Execute(sql);
        step?.Invoke(name, watch.Elapsed);
    }

    /// <summary>A CSV with a header, quoting as RFC 4180 needs; LF or CRLF line ends. Returns the data rows.</summary>
    public int Csv(string relativePath, string select, char delimiter, bool crlf) =>
        Copy(relativePath, select, $"FORMAT CSV, HEADER, DELIMITER {Sql.Literal(delimiter.ToString())}, QUOTE '\"'{(crlf ? ", NEW_LINE '\\r\\n'" : "")}");

    /// <summary>Newline-delimited JSON, one object per row with the columns in order.</summary>
    public int Json(string relativePath, string select) => Copy(relativePath, select, "FORMAT JSON");

    /// <summary>Lines written as they are (a null line is a blank one), CRLF: the writer never quotes or splits them.</summary>
    public int RawLines(string relativePath, string select) =>
        Copy(relativePath, select, "FORMAT CSV, HEADER false, DELIMITER '\u0001', QUOTE '\u0002', ESCAPE '\u0002', NEW_LINE '\\r\\n'");

    private int Copy(string relativePath, string select, string options)
    {
        var watch = Stopwatch.StartNew();
        string path = Path.Combine(directory, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".tmp");
        try
        {
            long rows = Execute($"COPY ({select}) TO {Sql.Literal(temp)} ({options})");
            File.Move(temp, path, overwrite: true);
            step?.Invoke(relativePath, watch.Elapsed);
            return checked((int)rows);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private long Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }
}
