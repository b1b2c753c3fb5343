using CxReports.Dsl.Model;
using CxReports.Engine.Tests.Dialects;
using CxReports.Engine.Tests.Engines;
using static CxReports.Engine.Tests.Metrics.MetricWarehouse;

namespace CxReports.Engine.Tests.Planning;

/// <summary>
/// Rows on a timestamp are bucketed by their local date in the report's zone: at every transition of 2010-2030 of
/// the hardest zones, and at the start of every local day around it and of every month, each sample instant lands
/// in the day, week, month, quarter and year that .NET's own conversion gives it.
/// </summary>
public abstract class LocalTimeBucketTests(TestEngine engine) : EngineTests(engine)
{
    [Theory]
    [MemberData(nameof(ZoneSamples.Zones), MemberType = typeof(ZoneSamples))]
    public void Each_instant_is_counted_in_the_buckets_of_its_local_date(string id) => CountedByLocalDate(id, "2010-01-01", "2030-12-31");

    /// <summary>Istanbul keeps UTC+3 from 2016-09-07 on, Moscow from 2014-10-26: one offset over the period, which engines may add without a CASE.</summary>
    [Theory]
    [InlineData("Europe/Istanbul", "2017-01-01")]
    [InlineData("Europe/Moscow", "2015-01-01")]
    public void Each_instant_is_counted_in_the_buckets_of_its_local_date_in_a_period_of_one_offset(string id, string from) =>
        CountedByLocalDate(id, from, "2030-12-31");

    private void CountedByLocalDate(string id, string from, string to)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
        var instants = ZoneSamples.Instants(zone);
        using var w = Load(ZoneSamples.Model, ZoneSamples.EventsFile(instants));
        var localDates = instants.Select(t => ZoneSamples.LocalDate(t, zone)).Where(d => d >= Day(from) && d <= Day(to)).ToList();

        foreach (var unit in new[] { TimeUnit.Day, TimeUnit.Week, TimeUnit.Month, TimeUnit.Quarter, TimeUnit.Year })
        {
            var expected = localDates.GroupBy(d => Start(d, unit)).ToDictionary(g => g.Key, g => (long)g.Count());

            var table = w.Query($"n by {unit.ToString().ToLowerInvariant()}", from, to, id);

            var counted = table.Rows.Where(r => (long)r[1]! > 0).ToDictionary(r => (DateOnly)r[0]!, r => (long)r[1]!);
            Assert.True(expected.Count == counted.Count && expected.All(e => counted.GetValueOrDefault(e.Key) == e.Value),
                $"{unit} buckets in {id} differ; expected but not counted so: " +
                string.Join(", ", expected.Where(e => counted.GetValueOrDefault(e.Key) != e.Value).Take(5).Select(e => $"{e.Key:yyyy-MM-dd}: {e.Value} (counted {counted.GetValueOrDefault(e.Key)})")) +
                "; counted but not expected so: " +
                string.Join(", ", counted.Where(c => expected.GetValueOrDefault(c.Key) != c.Value).Take(5).Select(c => $"{c.Key:yyyy-MM-dd}: {c.Value}")));
        }
    }

    /// <summary>
    /// Aggregates not made of counts group the rows themselves by bucket (DuckDB by a whole number standing for it):
    /// the first and last instant of every bucket, as their row numbers, are those of .NET's local dates.
    /// </summary>
    [Theory]
    [MemberData(nameof(ZoneSamples.Zones), MemberType = typeof(ZoneSamples))]
    public void Each_bucket_holds_the_rows_of_its_local_dates_when_the_rows_themselves_are_aggregated(string id)
    {
        const string from = "2010-01-01", to = "2030-12-31";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
        var instants = ZoneSamples.Instants(zone);
        using var w = Load(ZoneSamples.Model + "\nmetric first_row = min(events.row)\nmetric last_row = max(events.row)\n",
            ZoneSamples.EventsFile(instants));
        var localDates = instants.Select((t, row) => (Day: ZoneSamples.LocalDate(t, zone), Row: (decimal)row))
            .Where(r => r.Day >= Day(from) && r.Day <= Day(to)).ToList();

        foreach (var unit in new[] { TimeUnit.Day, TimeUnit.Week, TimeUnit.Month, TimeUnit.Quarter, TimeUnit.Year })
        {
            var expected = localDates.GroupBy(r => Start(r.Day, unit)).ToDictionary(g => g.Key, g => (First: g.Min(r => r.Row), Last: g.Max(r => r.Row)));

            var table = w.Query($"first_row, last_row by {unit.ToString().ToLowerInvariant()}", from, to, id);

            var found = table.Rows.Where(r => r[1] is not null).ToDictionary(r => (DateOnly)r[0]!, r => (First: Convert.ToDecimal(r[1]), Last: Convert.ToDecimal(r[2])));
            Assert.True(expected.Count == found.Count && expected.All(e => found.GetValueOrDefault(e.Key) == e.Value),
                $"{unit} buckets in {id} differ: " +
                string.Join(", ", expected.Where(e => found.GetValueOrDefault(e.Key) != e.Value).Take(5).Select(e => $"{e.Key:yyyy-MM-dd}: rows {e.Value} (found {found.GetValueOrDefault(e.Key)})")));
        }
    }

    /// <summary>The first day of the bucket, worked out here: weeks begin on Monday, quarters in January, April, July, October.</summary>
    private static DateOnly Start(DateOnly day, TimeUnit unit) => unit switch
    {
        TimeUnit.Day => day,
        TimeUnit.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        TimeUnit.Month => new DateOnly(day.Year, day.Month, 1),
        TimeUnit.Quarter => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        _ => new DateOnly(day.Year, 1, 1),
    };
}

public sealed class LocalTimeBucketTestsOnDuckDb() : LocalTimeBucketTests(TestEngine.DuckDb);

public sealed class LocalTimeBucketTestsOnPostgres() : LocalTimeBucketTests(TestEngine.Postgres);
