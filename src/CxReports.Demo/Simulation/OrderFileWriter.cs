namespace CxReports.Demo.Simulation;

/// <summary>
/// <c>siparisler.csv</c>: one-off orders from the web shop (UTF-8, <c>,</c>, decimal point, ISO dates), for the
/// average transaction size. Refunds are separate negative rows that a metric must filter out.
/// </summary>
internal static class OrderFileWriter
{
    private readonly record struct Order(DateOnly Date, int Customer, bool Refund, decimal Amount);

    public static int Write(string directory, IReadOnlyList<DemoCustomer> customers, DemoCalendar calendar, Random rng)
    {
        var orders = new List<Order>();
        for (int key = calendar.FirstMonth; key <= calendar.LastMonth; key++)
        {
            foreach (DemoCustomer c in customers)
            {
                if (c.ActiveDays(key, calendar) is not { } days) continue;
                if (!rng.Chance(DemoStory.Orders.Rate * Math.Sqrt(DemoStory.Usage.PlanFactor(c.Plan)))) continue;
                DateOnly date = DateOnly.FromDateTime(rng.Moment(days.First, days.EndExclusive));
                decimal amount = CsvText.Money(rng.LogNormal(DemoStory.Orders.MedianAmount(c.PlanIn(key)), DemoStory.Orders.AmountSigma));
                orders.Add(new Order(date, c.Number, false, amount));
                if (rng.Chance(DemoStory.Orders.RefundShare))
                {
                    DateOnly refundDate = date.AddDays(rng.Delay(DemoStory.Orders.RefundDelay));
                    decimal refund = rng.Chance(DemoStory.Orders.FullRefundShare) ? amount : CsvText.Money((double)amount * DemoStory.Orders.PartialRefund);
                    orders.Add(new Order(refundDate > calendar.End ? calendar.End : refundDate, c.Number, true, -refund));
                }
            }
        }

        // A refund can land in a later month than its sale, so the whole list is sorted rather than month by month.
        orders.Sort((a, b) => (a.Date, a.Customer, a.Refund, a.Amount).CompareTo((b.Date, b.Customer, b.Refund, b.Amount)));
        return DemoFile.Write(directory, DemoFiles.Orders, DemoFile.Utf8, "\n", writer =>
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
