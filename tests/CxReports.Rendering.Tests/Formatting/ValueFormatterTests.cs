using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Dsl.Model;
using CxReports.Engine.Planning;

namespace CxReports.Rendering.Tests.Formatting;

public class ValueFormatterTests
{
    private static readonly ValueFormatter English = new("en-US");
    private static readonly ValueFormatter Turkish = new("tr-TR");

    [Fact]
    public void Numbers_round_only_for_display_with_the_locale_separators()
    {
        Assert.Equal("5,871", English.Number(5871.097761191531, Unit.Currency, 0));
        Assert.Equal("5.871", Turkish.Number(5871.097761191531, Unit.Currency, 0));
        Assert.Equal("41.7", English.Number(41.7142857142857, Unit.Score, 1));
        Assert.Equal("41,7", Turkish.Number(41.7142857142857, Unit.Score, 1));
    }

    [Fact]
    public void Money_takes_its_symbol_in_its_own_country_its_code_elsewhere_and_a_true_minus()
    {
        Assert.Equal("5.871 ₺", Turkish.Money(5871.2, "TRY", 0));
        Assert.Equal("−1.234,50 ₺", Turkish.Money(-1234.5, "TRY", 2));
        Assert.Equal("12,50 €", new ValueFormatter("de-DE").Money(12.5, "EUR", 2));
        Assert.Equal("TRY 5,871", English.Money(5871.2, "TRY", 0));
        Assert.Equal("−$12.50", English.Money(-12.5, "USD", 2));
        // No currency declared: the number alone.
        Assert.Equal("5,871", English.Money(5871.2, null, 0));
        Assert.Equal("TRY/mo", English.MoneyUnit(Meaning.Of(Unit.Currency) with { Currency = "TRY", PerMonth = true }));
        Assert.Equal("₺/ay", Turkish.MoneyUnit(Meaning.Of(Unit.Currency) with { Currency = "TRY", PerMonth = true }));
        Assert.Null(Turkish.MoneyUnit(Meaning.Of(Unit.Count) with { PerMonth = true }));
    }

    [Fact]
    public void Percentages_put_the_sign_where_the_locale_does()
    {
        Assert.Equal("1.9%", English.Number(1.8718610878186184, Unit.Percent, 1));
        Assert.Equal("%1,9", Turkish.Number(1.8718610878186184, Unit.Percent, 1));
    }

    [Fact]
    public void Changes_carry_a_sign_and_percent_metrics_change_in_points()
    {
        Assert.Equal("+2,072", English.Change(2072.332374546512, Unit.Currency, 0));
        Assert.Equal("−0.9 pp", English.Change(-0.8535081264680364, Unit.Percent, 1));
        Assert.Equal("−0,9 puan", Turkish.Change(-0.8535081264680364, Unit.Percent, 1));
        Assert.Equal("0.0", English.Change(0.01, Unit.Score, 1));
        Assert.Equal("+54.6%", English.Relative(2072.33, 3798.77));
        Assert.Null(English.Relative(5, 0));
    }

    [Fact]
    public void Decimals_follow_the_unit_and_the_size_of_the_values()
    {
        Assert.Equal(0, ValueFormatter.Decimals(Meaning.Of(Unit.Count), ColumnType.Number, [1.5]));
        Assert.Equal(0, ValueFormatter.Decimals(Meaning.Of(Unit.Currency), ColumnType.Number, [5871.1, 45180.2]));
        Assert.Equal(2, ValueFormatter.Decimals(Meaning.Of(Unit.Currency), ColumnType.Number, [53.12, 458.29]));
        Assert.Equal(1, ValueFormatter.Decimals(Meaning.Of(Unit.Percent), ColumnType.Number, [2.27]));
        Assert.Equal(0, ValueFormatter.Decimals(Meaning.Of(Unit.Score), ColumnType.Number, [85, 100, 35]));
        Assert.Equal(2, ValueFormatter.Decimals(Meaning.Of(Unit.None), ColumnType.Number, [1.87, 2.73]));
        Assert.Equal(1, ValueFormatter.Decimals(Meaning.Of(Unit.None), ColumnType.Number, [41.71]));
    }

    [Fact]
    public void Time_buckets_are_named_by_their_grain_and_locale()
    {
        var march = new DateOnly(2025, 3, 1);
        Assert.Equal("Mar 2025", English.Bucket(march, TimeUnit.Month));
        Assert.Equal("Mar 2025", Turkish.Bucket(march, TimeUnit.Month));
        Assert.Equal("Şub 2025", Turkish.Bucket(new DateOnly(2025, 2, 1), TimeUnit.Month));
        Assert.Equal("Q1 2025", English.Bucket(march, TimeUnit.Quarter));
        Assert.Equal("Ç4 2025", Turkish.Bucket(new DateOnly(2025, 10, 1), TimeUnit.Quarter));
        Assert.Equal("2025", English.Bucket(march, TimeUnit.Year));
        Assert.Equal("Mar 3, 2025", English.Bucket(new DateOnly(2025, 3, 3), TimeUnit.Week));
        Assert.Equal("3 Mar 2025", Turkish.Bucket(new DateOnly(2025, 3, 3), TimeUnit.Week));
        Assert.Equal("Jan\n2026", English.AxisBucket(new DateOnly(2026, 1, 1), TimeUnit.Month, first: false));
        Assert.Equal("Feb", English.AxisBucket(new DateOnly(2026, 2, 1), TimeUnit.Month, first: false));
        Assert.Equal("Kas\n2025", Turkish.AxisBucket(new DateOnly(2025, 11, 1), TimeUnit.Month, first: true));
    }

    [Fact]
    public void Axis_and_compact_figures_shorten_large_numbers()
    {
        Assert.Equal("12.5k", English.Axis(12_500, Unit.None));
        Assert.Equal("1.5M", English.Axis(1_500_000, Unit.None));
        Assert.Equal("1,5 Mn", Turkish.Axis(1_500_000, Unit.None));
        Assert.Equal("%20", Turkish.Axis(20, Unit.Percent));
        Assert.Equal("20%", English.Axis(20, Unit.Percent));
        Assert.Equal("−12.9M", English.Compact(-12_929_314.5));
        Assert.Equal("−504k", English.Compact(-504_206.16));
        Assert.Equal("7,504", English.Compact(7504.17));
        Assert.Equal("−504 B", Turkish.Compact(-504_206.16));
    }

    [Fact]
    public void The_ticks_of_one_axis_share_their_decimals()
    {
        Assert.Equal(["%1,5", "%2,0", "%2,5"], Turkish.AxisLabels([1.5, 2, 2.5], Unit.Percent));
        Assert.Equal(["0", "100", "200"], English.AxisLabels([0, 100, 200], Unit.None));
        Assert.Equal(["0.25", "0.50", "0.75"], English.AxisLabels([0.25, 0.5, 0.75], Unit.None));
        Assert.Equal(["10.0k", "12.5k", "15.0k"], English.AxisLabels([10_000, 12_500, 15_000], Unit.None));
        Assert.Equal(["−1.5M", "−1.0M"], English.AxisLabels([-1_500_000, -1_000_000], Unit.None));
        // Each tick alone, as before: as few decimals as it needs.
        Assert.Equal("%2", Turkish.Axis(2, Unit.Percent));
    }

    [Fact]
    public void Compact_money_keeps_its_currency_where_money_puts_it()
    {
        var lira = Meaning.Of(Unit.Currency) with { Currency = "TRY" };
        var dollars = Meaning.Of(Unit.Currency) with { Currency = "USD" };

        Assert.Equal("83 B ₺", Turkish.Compact(83_400, lira));
        Assert.Equal("−1,3 Mn ₺", Turkish.Compact(-1_321_000, lira));
        Assert.Equal("639 ₺", Turkish.Compact(639.4, lira));
        Assert.Equal("TRY 83k", English.Compact(83_400, lira));
        Assert.Equal("−TRY 1.3M", English.Compact(-1_321_000, lira));
        Assert.Equal("$83k", English.Compact(83_400, dollars));
        Assert.Equal("−$164k", English.Compact(-164_200, dollars));
        Assert.Equal("83 B USD", Turkish.Compact(83_400, dollars));
        Assert.Equal("1.200 ₺/ay", Turkish.Compact(1_200, lira with { PerMonth = true }));
        // Without a declared currency, and for other units, the figure alone.
        Assert.Equal("83k", English.Compact(83_400, Meaning.Of(Unit.Currency)));
        Assert.Equal("83k", English.Compact(83_400, Meaning.Of(Unit.Count)));
    }

    [Fact]
    public void Moments_are_shown_in_the_report_time_zone_and_unknown_locales_fall_back_to_English()
    {
        var at = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal("Jan 5, 2026 11:00 AM (Europe/Istanbul)", English.Moment(at, "Europe/Istanbul"));
        Assert.Equal("5 Oca 2026 11:00 (Europe/Istanbul)", Turkish.Moment(at, "Europe/Istanbul"));
        Assert.Equal("Jan 5, 2026 8:00 AM (UTC)", English.Moment(at, "Not/AZone"));
        Assert.Equal("en-US", new ValueFormatter("xx-nope-123").Culture.Name);
        Assert.Equal("Page {0} of {1}", new ValueFormatter(null).Text.PageOf);
    }
}
