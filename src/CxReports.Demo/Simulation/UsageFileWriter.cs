namespace CxReports.Demo.Simulation;

/// <summary>
/// <c>kullanim.ndjson</c>: product events, one JSON object per line with UTC timestamps. Usage fades in a leaving
/// customer's last months, which is the strongest churn signal a health score can use.
/// </summary>
internal static class UsageFileWriter
{
    /// <summary>Average events per active customer-month, before plan, mood and programme adjustments.</summary>
    private const double BaseRate = 6.0;

    private readonly record struct UsageEvent(DateTime Local, int Customer, int Kind);

    public static int Write(string directory, IReadOnlyList<DemoCustomer> customers, DemoCalendar calendar, Random rng) =>
        DemoFile.Write(directory, DemoFiles.Usage, DemoFile.Utf8, "\n", writer =>
        {
            int rows = 0;
            var month = new List<UsageEvent>();
            for (int key = calendar.FirstMonth; key <= calendar.LastMonth; key++)
            {
                month.Clear();
                double effect = calendar.ProgrammeEffect(key);
                int daysInMonth = DemoCalendar.DaysInMonth(key);
                foreach (DemoCustomer c in customers)
                {
                    if (c.ActiveDays(key, calendar) is not { } days) continue;
                    double share = (double)(days.EndExclusive.DayNumber - days.First.DayNumber) / daysInMonth;
                    double rate = BaseRate * share * DemoStory.Usage.PlanFactor(c.Plan) * Math.Exp(DemoStory.Customers.MoodUsage * c.Mood)
                        * (1 - DemoStory.Usage.DoomFade * c.Doom(key)) * DemoStory.Usage.Programme.At(effect);
                    int count = rng.Poisson(rate);
                    for (int i = 0; i < count; i++)
                        month.Add(new UsageEvent(rng.Moment(days.First, days.EndExclusive), c.Number, rng.PickWeighted(DemoStory.Usage.EventWeights)));
                }

                foreach (UsageEvent e in month.OrderBy(e => e.Local).ThenBy(e => e.Customer))
                {
                    // Written by hand: the values are fixed ASCII tokens, so no JSON escaping is ever needed.
                    writer.Write("{\"musteri_no\":\"");
                    writer.Write(customers[e.Customer - 1].Id);
                    writer.Write("\",\"zaman\":\"");
                    writer.Write(CsvText.UtcTimestamp(e.Local));
                    writer.Write("\",\"olay\":\"");
                    writer.Write(DemoStory.Usage.Events[e.Kind]);
                    writer.WriteLine("\"}");
                    rows++;
                }
            }
            return rows;
        });
}
