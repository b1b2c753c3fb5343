namespace CxReports.Engine.Demo;

/// <summary>
/// <c>siparisler.csv</c>: one-off orders from the web shop (UTF-8, <c>,</c>, decimal point, ISO dates), for the
/// average transaction size. Refunds are separate negative rows that a metric must filter out.
/// </summary>
internal static class OrderFileWriter
{
    public const string FileName = "siparisler.csv";

    private readonly record struct Order(DateOnly Date, int Customer, bool Refund, decimal Amount);

    public static int Write(string directory, IReadOnlyList<DemoCustomer> customers, DemoCalendar calendar, Random rng)
    {
        var orders = new List<Order>();
        for (int key = calendar.FirstMonth; key <= calendar.LastMonth; key++)
        {
            foreach (DemoCustomer c in customers)
            {
                if (c.ActiveDays(key, calendar) is not { } days) continue;
                if (!rng.Chance(0.05 * Math.Sqrt(DemoStory.UsageFactor(c.Plan)))) continue;
                DateOnly date = DateOnly.FromDateTime(rng.Moment(days.First, days.EndExclusive));
                double median = c.PlanIn(key) switch { DemoPlan.Basic => 450, DemoPlan.Pro => 900, _ => 2200 };
                decimal amount = CsvText.Money(rng.LogNormal(median, 0.6));
                orders.Add(new Order(date, c.Number, false, amount));
                if (rng.Chance(0.07))
                {
                    DateOnly refundDate = date.AddDays(rng.Next(3, 21));
                    decimal refund = rng.Chance(0.7) ? amount : CsvText.Money((double)amount * 0.3);
                    orders.Add(new Order(refundDate > calendar.End ? calendar.End : refundDate, c.Number, true, -refund));
                }
            }
        }

        // A refund can land in a later month than its sale, so the whole list is sorted rather than month by month.
        orders.Sort((a, b) => (a.Date, a.Customer, a.Refund, a.Amount).CompareTo((b.Date, b.Customer, b.Refund, b.Amount)));
        return DemoFile.Write(directory, FileName, DemoFile.Utf8, "\n", writer =>
        {
            writer.WriteLine("siparis_no,musteri_no,siparis_tarihi,tur,tutar");
            for (int i = 0; i < orders.Count; i++)
            {
                Order o = orders[i];
                CsvText.WriteRow(writer, ',',
                    $"S{i + 1:D6}",
                    customers[o.Customer - 1].Id,
                    CsvText.IsoDate(o.Date),
                    o.Refund ? "iade" : "satis",
                    CsvText.DecimalPoint(o.Amount));
            }
            return orders.Count;
        });
    }
}
