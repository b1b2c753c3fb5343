using CxReports.Engine.Results;
using static CxReports.Engine.Tests.Metrics.MetricWarehouse;
using CxReports.Engine.Tests.Engines;

namespace CxReports.Engine.Tests.Metrics;

/// <summary>
/// The row aggregates (dsl.md "Aggregates", metrics.md "Conventions"): count, distinct, sum, mean, median,
/// percentile with linear interpolation, min, max, share, first, last, and what each is in an empty bucket.
/// </summary>
public abstract class AggregateMetricsTests(TestEngine engine) : EngineTests(engine), IDisposable
{
    private const string Model = """
        source orders from "orders.csv" {
          key id
          time at: date
          column region
          column amount: decimal
        }
        metric orders_n = count(orders)
        metric amounts_n = count(orders.amount)
        metric regions = distinct(orders.region)
        metric total = sum(orders.amount)
        metric average = mean(orders.amount)
        metric middle = median(orders.amount)
        metric p90 = percentile(orders.amount, 90)
        metric p30 = percentile(orders.amount, 30)
        metric smallest = min(orders.amount)
        metric largest = max(orders.amount)
        metric big_share = share(orders.amount >= 3)
        metric first_amount = first(orders.amount)
        metric last_amount = last(orders.amount)
        """;

    // January: amounts 4, 1, 10, 3, 2 and one blank (written out of time order); February: nothing;
    // March: 7 then 8. A December row lies outside the period.
    private readonly MetricWarehouse _w = MetricWarehouse.Load(engine, Model, ("orders.csv", Csv(
        "id,at,region,amount",
        "o0,2024-12-31,north,1000",
        "o1,2025-01-05,north,4",
        "o2,2025-01-02,south,1",
        "o3,2025-01-20,north,10",
        "o4,2025-01-11,,3",
        "o5,2025-01-28,south,2",
        "o6,2025-01-15,east,",
        "o7,2025-03-04,north,8",
        "o8,2025-03-03,north,7")));

    private const string All = "orders_n, amounts_n, regions, total, average, middle, p90, p30, smallest, largest, big_share, first_amount, last_amount";

    private ResultTable ByMonth() => _w.Query(All + " by month", "2025-01-01", "2025-03-31");

    [Fact]
    public void Counts_count_rows_non_blank_values_and_distinct_non_blank_values()
    {
        ResultTable t = ByMonth();
        Assert.Equal(6L, t.Count("orders_n", "2025-01-01"));   // o1..o6
        Assert.Equal(5L, t.Count("amounts_n", "2025-01-01"));  // o6's amount is blank
        Assert.Equal(3L, t.Count("regions", "2025-01-01"));    // north, south, east; o4's blank region is not a value
        Assert.Equal(ColumnType.Integer, t.Columns[t.IndexOf("orders_n")].Type);
    }

    [Fact]
    public void Sum_mean_min_and_max_skip_blank_values()
    {
        ResultTable t = ByMonth();
        Assert.Equal(20.0, t.Number("total", "2025-01-01")!.Value, 9);    // 4 + 1 + 10 + 3 + 2
        Assert.Equal(4.0, t.Number("average", "2025-01-01")!.Value, 9);   // 20 / 5, not 20 / 6
        Assert.Equal(1.0, t.Number("smallest", "2025-01-01")!.Value, 9);
        Assert.Equal(10.0, t.Number("largest", "2025-01-01")!.Value, 9);
    }

    [Fact]
    public void Quantiles_interpolate_linearly_between_order_statistics()
    {
        ResultTable t = ByMonth();
        // January sorted: 1, 2, 3, 4, 10 (n = 5). Position p * (n - 1):
        Assert.Equal(3.0, t.Number("middle", "2025-01-01")!.Value, 9);  // 0.5 * 4 = 2 -> x[2] = 3
        Assert.Equal(7.6, t.Number("p90", "2025-01-01")!.Value, 9);     // 0.9 * 4 = 3.6 -> 4 + 0.6 * (10 - 4)
        Assert.Equal(2.2, t.Number("p30", "2025-01-01")!.Value, 9);     // 0.3 * 4 = 1.2 -> 2 + 0.2 * (3 - 2)
        // March: 7, 8 (n = 2): the median of an even count is the midpoint, p90 = 7 + 0.9 * 1.
        Assert.Equal(7.5, t.Number("middle", "2025-03-01")!.Value, 9);
        Assert.Equal(7.9, t.Number("p90", "2025-03-01")!.Value, 9);
    }

    [Fact]
    public void Quantiles_match_an_independent_linear_interpolation()
    {
        double[] january = [4, 1, 10, 3, 2];
        ResultTable t = ByMonth();
        Assert.Equal(Quantile(january, 0.5), t.Number("middle", "2025-01-01")!.Value, 9);
        Assert.Equal(Quantile(january, 0.9), t.Number("p90", "2025-01-01")!.Value, 9);
        Assert.Equal(Quantile(january, 0.3), t.Number("p30", "2025-01-01")!.Value, 9);
    }

    [Fact]
    public void Share_is_the_percent_of_rows_meeting_the_condition()
    {
        ResultTable t = ByMonth();
        // 4, 10, 3 meet amount >= 3; six rows in all (o6's blank amount does not meet it): 100 * 3 / 6.
        Assert.Equal(50.0, t.Number("big_share", "2025-01-01")!.Value, 9);
        Assert.Equal(100.0, t.Number("big_share", "2025-03-01")!.Value, 9);
    }

    [Fact]
    public void First_and_last_follow_the_time_axis_not_the_file_order()
    {
        ResultTable t = ByMonth();
        Assert.Equal(1.0, t.Number("first_amount", "2025-01-01")!.Value, 9); // o2, 2 January
        Assert.Equal(2.0, t.Number("last_amount", "2025-01-01")!.Value, 9);  // o5, 28 January
        Assert.Equal(7.0, t.Number("first_amount", "2025-03-01")!.Value, 9); // o8 is earlier though written after o7
        Assert.Equal(8.0, t.Number("last_amount", "2025-03-01")!.Value, 9);
    }

    [Fact]
    public void In_an_empty_bucket_counts_and_sums_are_0_and_everything_else_is_null()
    {
        ResultTable t = ByMonth();
        Assert.Equal(3, t.Rows.Count);
        Assert.Equal(0L, t.Count("orders_n", "2025-02-01"));
        Assert.Equal(0L, t.Count("amounts_n", "2025-02-01"));
        Assert.Equal(0L, t.Count("regions", "2025-02-01"));
        Assert.Equal(0.0, t.Number("total", "2025-02-01"));
        foreach (string metric in new[] { "average", "middle", "p90", "p30", "smallest", "largest", "big_share", "first_amount", "last_amount" })
            Assert.True(t.Number(metric, "2025-02-01") is null, $"{metric} of an empty month should be null");
    }

    [Fact]
    public void Ungrouped_the_whole_period_is_one_bucket_and_rows_outside_it_are_left_out()
    {
        ResultTable t = _w.Query(All, "2025-01-01", "2025-03-31");
        Assert.Single(t.Rows);
        Assert.Equal(8L, t.Count("orders_n"));                         // o1..o8, not December's o0
        Assert.Equal(35.0, t.Single("total")!.Value, 9);               // 20 + 7 + 8
        Assert.Equal(5.0, t.Single("average")!.Value, 9);              // 35 / 7
        Assert.Equal(Quantile([4, 1, 10, 3, 2, 8, 7], 0.5), t.Single("middle")!.Value, 9); // 1,2,3,4,7,8,10 -> 4
        Assert.Equal(1.0, t.Single("first_amount")!.Value, 9);
        Assert.Equal(8.0, t.Single("last_amount")!.Value, 9);
    }

    [Fact]
    public void Empty_cells_of_a_dimension_are_0_for_counts_and_null_for_means()
    {
        ResultTable t = _w.Query("orders_n, average by month, region", "2025-01-01", "2025-03-31");
        // Regions seen: north, south, east and blank (null), in each of 3 months.
        Assert.Equal(12, t.Rows.Count);
        Assert.Equal(2L, t.Count("orders_n", "2025-01-01", "north"));
        Assert.Equal(7.0, t.Number("average", "2025-01-01", "north")!.Value, 9);   // (4 + 10) / 2
        Assert.Equal(1L, t.Count("orders_n", "2025-01-01", null));                 // o4
        Assert.Equal(0L, t.Count("orders_n", "2025-03-01", "south"));
        Assert.Null(t.Number("average", "2025-03-01", "south"));
        Assert.Equal(1L, t.Count("orders_n", "2025-01-01", "east"));
        Assert.Null(t.Number("average", "2025-01-01", "east"));                     // its only amount is blank
    }

    /// <summary>Linear interpolation between order statistics at position p * (n - 1), written independently of DuckDB.</summary>
    private static double Quantile(double[] values, double p)
    {
        double[] sorted = values.Order().ToArray();
        double position = p * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    public void Dispose() => _w.Dispose();
}

public sealed class AggregateMetricsTestsOnDuckDb() : AggregateMetricsTests(TestEngine.DuckDb);

public sealed class AggregateMetricsTestsOnPostgres() : AggregateMetricsTests(TestEngine.Postgres);
