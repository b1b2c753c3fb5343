namespace CxReports.Demo.Simulation;

/// <summary>
/// <c>cx_giderleri.csv</c>: monthly CX costs from the finance team (UTF-8, <c>;</c>, decimal comma). Team and
/// tooling costs step up with the programme, which is what the ROI scenario weighs against the churn saved;
/// <c>kampanya_gideri</c> is blank in months without a campaign.
/// </summary>
internal static class CostFileWriter
{
    public static int Write(string directory, IReadOnlyList<DemoCustomer> customers, DemoCalendar calendar, Random rng) =>
        DemoFile.Write(directory, DemoFiles.Costs, DemoFile.Utf8, "\n", writer =>
        {
            writer.WriteLine("donem;ekip_gideri;yazilim_gideri;kampanya_gideri;destek_gideri");
            for (int key = calendar.FirstMonth; key <= calendar.LastMonth; key++)
            {
                int i = key - calendar.FirstMonth;
                double effect = calendar.ProgrammeEffect(key);
                DateOnly monthStart = DemoCalendar.MonthStart(key);
                int active = customers.Count(c => c.Signup < monthStart && (c.Churn is null || c.Churn >= monthStart));

                // A CX team of about a tenth of revenue: salaries creep up with inflation; the programme adds a CX
                // lead and two agents (about +60%).
                double team = (9500 + 80 * i) * (1 + DemoStory.Costs.ProgrammeTeamGrowth * effect) + rng.Normal(0, 150);
                // A CX platform licence joins the existing help desk subscription.
                double software = 450 + 1400 * effect + rng.Normal(0, 30);
                bool campaign = rng.Chance(DemoStory.Costs.CampaignShare.At(effect));
                double campaignCost = campaign ? rng.Next(1500, 6000) + rng.Next(100) / 100.0 : 0;
                // Support scales with the customer base; self-service content makes each customer a little cheaper.
                double support = Math.Max(active, 1) * DemoCalendar.Lerp(6.5, 5.5, effect) * (1 + rng.Normal(0, 0.04));

                CsvText.WriteRow(writer, ';',
                    DemoCalendar.MonthLabel(key),
                    CsvText.DecimalComma(CsvText.Money(team)),
                    CsvText.DecimalComma(CsvText.Money(software)),
                    campaign ? CsvText.DecimalComma(CsvText.Money(campaignCost)) : "",
                    CsvText.DecimalComma(CsvText.Money(support)));
            }
            return calendar.PeriodMonths;
        });
}
