using System.Text.Json;

namespace CxReports.Demo.Tests;

/// <summary>The numbers tell the story, measured from the files alone as a report would (metrics.md definitions).</summary>
[Collection(DemoDatasetCollection.Name)]
public sealed class DemoStoryTests(DemoDatasetFixture data)
{
    private static readonly TimeSpan Istanbul = TimeSpan.FromHours(3);

    [Fact]
    public void Monthly_logo_churn_falls_after_the_programme_starts()
    {
        Dictionary<string, DateOnly> signups = data.Signups();
        Dictionary<string, DateOnly> churns = data.Churns();
        var before = new List<double>();
        var after = new List<double>();
        for (DateOnly month = data.Summary.From; month <= data.Summary.To; month = month.AddMonths(1))
        {
            DateOnly next = month.AddMonths(1);
            int atStart = 0, left = 0;
            foreach ((string id, DateOnly signup) in signups)
            {
                bool hasChurn = churns.TryGetValue(id, out DateOnly churn);
                if (signup >= month || (hasChurn && churn < month)) continue;
                atStart++;
                if (hasChurn && churn < next) left++;
            }
            (month < data.Summary.ProgrammeStart ? before : after).Add((double)left / atStart);
        }

        Assert.Equal(8, before.Count);
        Assert.True(after.Average() < before.Average(), $"churn before {before.Average():P2}, after {after.Average():P2}");
    }

    [Fact]
    public void Nps_rises_after_the_programme_starts()
    {
        var before = new List<int>();
        var after = new List<int>();
        DateTimeOffset start = new(data.Summary.ProgrammeStart.ToDateTime(TimeOnly.MinValue), Istanbul);
        foreach (string[] r in data.Read("anket.csv", ',').Rows)
            (DemoDatasetFixture.Timestamp(r[2]) < start ? before : after).Add(int.Parse(r[4], DemoDatasetFixture.Inv));

        double npsBefore = Nps(before), npsAfter = Nps(after);
        Assert.True(npsAfter > npsBefore, $"NPS before {npsBefore:F1}, after {npsAfter:F1}");
    }

    [Fact]
    public void First_response_gets_faster_after_the_programme_starts()
    {
        var before = new List<double>();
        var after = new List<double>();
        DateTimeOffset start = new(data.Summary.ProgrammeStart.ToDateTime(TimeOnly.MinValue), Istanbul);
        foreach (string[] r in data.Read("destek_talepleri.csv", ',').Rows.Where(r => r[3].Length > 0))
        {
            DateTimeOffset opened = DemoDatasetFixture.Timestamp(r[2]);
            (opened < start ? before : after).Add((DemoDatasetFixture.Timestamp(r[3]) - opened).TotalHours);
        }
        Assert.True(Median(after) < Median(before), $"median before {Median(before):F1} h, after {Median(after):F1} h");
    }

    [Fact]
    public void Leaving_customers_use_the_product_less_in_their_last_two_months()
    {
        Dictionary<string, DateOnly> signups = data.Signups();
        Dictionary<string, DateOnly> churns = data.Churns();
        DateOnly end = data.Summary.To.AddDays(1);

        // Customer-days inside the period, split into "last two months before leaving" and the rest.
        double lastDays = 0, otherDays = 0;
        foreach ((string id, DateOnly signup) in signups)
        {
            DateOnly first = signup > data.Summary.From ? signup : data.Summary.From;
            if (!churns.TryGetValue(id, out DateOnly churn))
            {
                otherDays += end.DayNumber - first.DayNumber;
                continue;
            }
            DateOnly warning = churn.AddMonths(-2) > first ? churn.AddMonths(-2) : first;
            otherDays += Math.Max(0, warning.DayNumber - first.DayNumber);
            lastDays += Math.Max(0, churn.DayNumber - warning.DayNumber);
        }

        int lastEvents = 0, otherEvents = 0;
        foreach (string line in File.ReadLines(data.PathOf("kullanim.ndjson")))
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            string id = doc.RootElement.GetProperty("musteri_no").GetString()!;
            DateOnly day = DateOnly.FromDateTime(DemoDatasetFixture.Timestamp(doc.RootElement.GetProperty("zaman").GetString()!).ToOffset(Istanbul).DateTime);
            if (churns.TryGetValue(id, out DateOnly churn) && day >= churn.AddMonths(-2)) lastEvents++;
            else otherEvents++;
        }

        double lastRate = 30 * lastEvents / lastDays, otherRate = 30 * otherEvents / otherDays;
        Assert.True(lastRate < 0.7 * otherRate, $"last two months {lastRate:F2} events/month, otherwise {otherRate:F2}");
    }

    private static double Nps(List<int> scores) =>
        100.0 * (scores.Count(s => s >= 9) - scores.Count(s => s <= 6)) / scores.Count;

    private static double Median(List<double> values)
    {
        List<double> sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
