namespace CxReports.Demo;

/// <summary>
/// The files both generators write, relative to the output directory (with <c>/</c> separators): one list, so the
/// C# and SQL datasets load with the same source definitions in reports/model.
/// </summary>
internal static class DemoFiles
{
    public const string Customers = "musteriler.csv";
    public const string Churns = "ayrilislar.csv";
    public const string Surveys = "anket.csv";
    public const string Tickets = "destek_talepleri.csv";
    public const string Usage = "kullanim.ndjson";
    public const string Costs = "cx_giderleri.csv";
    public const string Orders = "siparisler.csv";

    /// <summary>The accounting export's folder: one file per calendar year.</summary>
    public const string InvoiceFolder = "faturalar";

    public static string InvoiceYear(int year) => $"{InvoiceFolder}/{year}.csv";
}
