using System.Collections.ObjectModel;
using CxReports.Demo.Scale;
using CxReports.Engine.Dialects;
using DuckDB.NET.Data;

namespace CxReports.Demo;

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

            writer.RawLines(DemoFiles.Customers, ScaleCustomerSql.CustomerLines(options.Customers));
            rows[DemoFiles.Customers] = options.Customers;
            rows[DemoFiles.Churns] = writer.Csv(DemoFiles.Churns, ScaleCustomerSql.ChurnRows(), ';', crlf: true);

            DemoDataGenerator.RemoveStaleInvoiceYears(directory, calendar);
            writer.Run("invoices (table)", ScaleBillingSql.Invoices(calendar));
            for (int year = DemoCalendar.MonthStart(calendar.BillingFirstMonth).Year; year <= calendar.End.Year; year++)
            {
                string path = DemoFiles.InvoiceYear(year);
                rows[path] = writer.Csv(path, ScaleBillingSql.InvoiceRows(year), ';', crlf: false);
            }
            writer.Run("invoices (drop)", "DROP TABLE inv");

            writer.Run("responses (table)", ScaleActivitySql.Responses(rates.Surveys));
            rows[DemoFiles.Surveys] = writer.Csv(DemoFiles.Surveys, ScaleActivitySql.ResponseRows(), ',', crlf: false);
            writer.Run("responses (drop)", "DROP TABLE resp");

            writer.Run("tickets (table)", ScaleActivitySql.Tickets(calendar));
            rows[DemoFiles.Tickets] = writer.Csv(DemoFiles.Tickets, ScaleActivitySql.TicketRows(), ',', crlf: false);
            writer.Run("tickets (drop)", "DROP TABLE tick");

            writer.Run("usage (table)", ScaleActivitySql.Usage(rates.Usage));
            rows[DemoFiles.Usage] = writer.Json(DemoFiles.Usage, ScaleActivitySql.UsageRows());
            writer.Run("usage (drop)", "DROP TABLE usage_events");

            writer.Run("orders (table)", ScaleActivitySql.Orders(calendar));
            rows[DemoFiles.Orders] = writer.Csv(DemoFiles.Orders, ScaleActivitySql.OrderRows(), ',', crlf: false);

            rows[DemoFiles.Costs] = writer.Csv(DemoFiles.Costs, ScaleBillingSql.CostRows(), ';', crlf: false);
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
