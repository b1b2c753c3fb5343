namespace CxReports.Demo.Simulation;

/// <summary>
/// <c>faturalar/YYYY.csv</c>: the accounting export, one file per calendar year from the month before the period to
/// the end (UTF-8 without BOM, <c>;</c>, decimal comma, <c>DD.MM.YYYY</c>). Subscription invoices carry the MRR;
/// setup fees, add-ons and refunds are there to be filtered out by the model's <c>recurring ... where</c>.
/// </summary>
internal static class InvoiceFileWriter
{
    private enum Kind { Setup, Subscription, AddOn, Refund }

    private readonly record struct Invoice(DateOnly Date, int Customer, Kind Kind, decimal Amount);

    /// <summary>Returns the data rows per written file, keyed like <see cref="DemoSummary.RowsPerFile"/>.</summary>
    public static Dictionary<string, int> Write(string directory, IReadOnlyList<DemoCustomer> customers, DemoCalendar calendar, Random rng)
    {
        DateOnly firstDay = DemoCalendar.MonthStart(calendar.BillingFirstMonth);
        var invoices = new List<Invoice>();
        foreach (DemoCustomer customer in customers) AddInvoices(invoices, customer, calendar, firstDay, rng);

        // Sorted once, so every year file is in document order and numbers follow dates as an accounting system's do.
        invoices.Sort((a, b) => (a.Date, a.Customer, a.Kind, a.Amount).CompareTo((b.Date, b.Customer, b.Kind, b.Amount)));
        var rows = new Dictionary<string, int>();
        for (int year = firstDay.Year; year <= calendar.End.Year; year++)
        {
            string path = DemoFiles.InvoiceYear(year);
            int y = year;
            rows[path] = DemoFile.Write(directory, path, DemoFile.Utf8, "\n", writer =>
            {
                writer.WriteLine("belge_no;musteri_no;belge_tarihi;tur;tutar");
                int count = 0;
                foreach (Invoice invoice in invoices.Where(i => i.Date.Year == y))
                {
                    count++;
                    CsvText.WriteRow(writer, ';',
                        $"FT{y}-{count:D6}",
                        customers[invoice.Customer - 1].Id,
                        CsvText.DayMonthYear(invoice.Date),
                        KindName(invoice.Kind),
                        CsvText.DecimalComma(invoice.Amount));
                }
                return count;
            });
        }
        return rows;
    }

    private static void AddInvoices(List<Invoice> invoices, DemoCustomer c, DemoCalendar calendar, DateOnly firstDay, Random rng)
    {
        if (c.Signup >= firstDay && rng.Chance(DemoStory.Billing.SetupShare))
        {
            decimal setup = DemoStory.Billing.SetupFee(c.Plan);
            invoices.Add(new Invoice(c.Signup, c.Number, Kind.Setup, rng.Chance(DemoStory.Billing.HalfSetupShare) ? setup / 2 : setup));
        }

        for (int key = Math.Max(calendar.BillingFirstMonth, c.SignupMonth); key <= calendar.LastMonth; key++)
        {
            // Billed on the signup day of the month (the last day in shorter months), so the signup month is billed too.
            DateOnly date = DemoCalendar.MonthStart(key).AddDays(Math.Min(c.Signup.Day, DemoCalendar.DaysInMonth(key)) - 1);
            if (date > calendar.End || (c.Churn is DateOnly churn && date >= churn)) break;
            if (key == c.PausedMonth) continue;

            decimal fee = c.FeeIn(key);
            invoices.Add(new Invoice(date, c.Number, Kind.Subscription, fee));
            if (rng.Chance(DemoStory.Billing.AddOnShare(c.PlanIn(key))))
            {
                decimal addOn = rng.Pick(DemoStory.Billing.AddOnPrices) * (rng.Chance(DemoStory.Billing.DoubleAddOnShare) ? 2 : 1);
                invoices.Add(new Invoice(Clamp(date.AddDays(rng.Delay(DemoStory.Billing.AddOnDelay)), calendar), c.Number, Kind.AddOn, addOn));
            }
            if (rng.Chance(DemoStory.Billing.RefundShare))
            {
                // A refund of a disputed month, in full or in part, a few days after the invoice.
                decimal refund = rng.Chance(DemoStory.Billing.FullRefundShare) ? fee : Math.Round(fee / 2, 2, MidpointRounding.AwayFromZero);
                invoices.Add(new Invoice(Clamp(date.AddDays(rng.Delay(DemoStory.Billing.RefundDelay)), calendar), c.Number, Kind.Refund, -refund));
            }
        }
    }

    private static DateOnly Clamp(DateOnly date, DemoCalendar calendar) => date > calendar.End ? calendar.End : date;

    private static string KindName(Kind kind) => kind switch
    {
        Kind.Setup => "kurulum",
        Kind.Subscription => "abonelik",
        Kind.AddOn => "ek_hizmet",
        _ => "iade",
    };
}
