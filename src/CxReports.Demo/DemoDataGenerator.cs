using System.Collections.ObjectModel;
using System.Text.RegularExpressions;
using CxReports.Demo.Simulation;

namespace CxReports.Demo;

/// <summary>
/// Writes the demo dataset: a deterministic, deliberately messy customer-experience dataset whose numbers tell one
/// story (a CX programme starting in the period's ninth month lowers churn and lifts NPS and CSAT).
/// </summary>
public static partial class DemoDataGenerator
{
    /// <summary>Writes every demo file into <see cref="DemoOptions.OutputDirectory"/>, overwriting earlier ones.</summary>
    public static DemoSummary Generate(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var calendar = new DemoCalendar(options.EffectiveEnd, options.Months);
        string directory = Path.GetFullPath(options.OutputDirectory);
        Directory.CreateDirectory(directory);

        // One generator per file, seeded from the master in a fixed order: changing how one file is drawn then
        // leaves every other file's bytes alone.
        var master = new Random(options.Seed);
        int[] seeds = new int[8];
        for (int i = 0; i < seeds.Length; i++) seeds[i] = master.Next();

        List<DemoCustomer> customers = CustomerSimulation.Simulate(options.Customers, calendar, new Random(seeds[0]));
        var rows = new Dictionary<string, int>
        {
            [DemoFiles.Customers] = CustomerFileWriter.Write(directory, customers, new Random(seeds[1])),
            [DemoFiles.Churns] = ChurnFileWriter.Write(directory, customers),
        };
        RemoveStaleInvoiceYears(directory, calendar);
        foreach ((string path, int count) in InvoiceFileWriter.Write(directory, customers, calendar, new Random(seeds[2])))
            rows[path] = count;
        rows[DemoFiles.Surveys] = SurveyFileWriter.Write(directory, customers, calendar, new Random(seeds[3]));
        rows[DemoFiles.Tickets] = TicketFileWriter.Write(directory, customers, calendar, new Random(seeds[4]));
        rows[DemoFiles.Usage] = UsageFileWriter.Write(directory, customers, calendar, new Random(seeds[5]));
        rows[DemoFiles.Costs] = CostFileWriter.Write(directory, customers, calendar, new Random(seeds[6]));
        rows[DemoFiles.Orders] = OrderFileWriter.Write(directory, customers, calendar, new Random(seeds[7]));

        return new DemoSummary(new ReadOnlyDictionary<string, int>(rows), calendar.From, calendar.End, calendar.ProgrammeStart);
    }

    private static void Validate(DemoOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
            throw new ArgumentException("The output directory is required.", nameof(options));
        if (options.Customers is < 1 or > 1_000_000)
            throw new ArgumentOutOfRangeException(nameof(options), options.Customers, "Customers must be between 1 and 1,000,000.");
        // The story needs the programme month (the ninth) inside the period.
        if (options.Months is < DemoCalendar.ProgrammeMonthNumber or > 240)
            throw new ArgumentOutOfRangeException(nameof(options), options.Months,
                $"Months must be between {DemoCalendar.ProgrammeMonthNumber} and 240.");
        if (options.EffectiveEnd.Year - (options.Months + 36) / 12 < 2)
            throw new ArgumentOutOfRangeException(nameof(options), options.EffectiveEnd, "The end date is too early for the period.");
    }

    /// <summary>
    /// A year file left by an earlier run with another period would be loaded with the new ones and double the
    /// revenue, so year files outside this run's years go. Only names the generator itself writes are touched.
    /// </summary>
    internal static void RemoveStaleInvoiceYears(string directory, DemoCalendar calendar)
    {
        string folder = Path.Combine(directory, DemoFiles.InvoiceFolder);
        if (!Directory.Exists(folder)) return;
        int firstYear = DemoCalendar.MonthStart(calendar.BillingFirstMonth).Year;
        foreach (string file in Directory.EnumerateFiles(folder, "*.csv"))
        {
            Match match = YearFileName().Match(Path.GetFileName(file));
            if (!match.Success) continue;
            int year = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (year < firstYear || year > calendar.End.Year) File.Delete(file);
        }
    }

    [GeneratedRegex(@"^(\d{4})\.csv$")]
    private static partial Regex YearFileName();
}
