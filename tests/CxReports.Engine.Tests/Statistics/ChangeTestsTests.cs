using CxReports.Engine.Statistics;

namespace CxReports.Engine.Tests.Statistics;

/// <summary>
/// The tests of a change between two periods, on examples worked by hand. Normal and t quantiles and tail areas are
/// the textbook values: z(97.5%) = 1.959964; Φ(-1.3348) = 0.09098; Φ(-4.2209) = 0.00001217; Φ(-3.3594) = 0.000391;
/// for 65.11 degrees of freedom t(97.5%) = 1.99707 and P(T &lt; -1.81071) = 0.037399.
/// </summary>
public class ChangeTestsTests
{
    private const double Tolerance = 1e-4;

    [Fact]
    public void An_nps_drop_of_15_points_on_about_a_hundred_answers_is_noise()
    {
        // Earlier: 60 promoters, 30 passives, 30 detractors of 120: NPS = 100·(60-30)/120 = 25;
        //   p = 0.5, q = 0.25, variance = p + q - (p - q)² = 0.75 - 0.0625 = 0.6875.
        // Later: 40, 30, 30 of 100: NPS = 100·(40-30)/100 = 10; p = 0.4, q = 0.3, variance = 0.7 - 0.01 = 0.69.
        // Difference 10 - 25 = -15. SE = 100·sqrt(0.6875/120 + 0.69/100) = 100·sqrt(0.0057292 + 0.0069) = 100·sqrt(0.0126292) = 11.23796.
        // z = -15 / 11.23796 = -1.33476; p = 2·Φ(-1.33476) = 0.181954.
        // 95% interval: -15 ± 1.959964·11.23796 = -15 ± 22.02599 = [-37.02599, 7.02599].
        var change = ChangeTests.Nps(new NpsSample(60, 30, 30), new NpsSample(40, 30, 30), 0.95)!;

        Assert.Equal(-15, change.Difference, Tolerance);
        Assert.Equal(11.23796, change.StandardError, Tolerance);
        Assert.Equal(0.181954, change.PValue, 1e-6);
        Assert.Equal(-37.02599, change.Low, Tolerance);
        Assert.Equal(7.02599, change.High, Tolerance);
        Assert.False(change.IsSignificant);
    }

    [Fact]
    public void The_same_nps_drop_on_ten_times_the_answers_is_significant()
    {
        // Same shares, ten times the answers: SE = 100·sqrt(0.6875/1200 + 0.69/1000) = 100·sqrt(0.00057292 + 0.00069)
        //   = 100·sqrt(0.00126292) = 3.553754; z = -15 / 3.553754 = -4.220889; p = 2·Φ(-4.220889) = 0.00002433.
        // 95% interval: -15 ± 1.959964·3.553754 = -15 ± 6.965229 = [-21.965229, -8.034771].
        var change = ChangeTests.Nps(new NpsSample(600, 300, 300), new NpsSample(400, 300, 300), 0.95)!;

        Assert.Equal(3.553754, change.StandardError, Tolerance);
        Assert.Equal(0.00002433, change.PValue, 1e-7);
        Assert.Equal(-21.965229, change.Low, Tolerance);
        Assert.Equal(-8.034771, change.High, Tolerance);
        Assert.True(change.IsSignificant);
    }

    [Fact]
    public void A_csat_fall_from_80_to_65_percent_of_200_answers_is_significant_by_the_two_proportion_test()
    {
        // 160 of 200 satisfied (80%), then 130 of 200 (65%): difference -15 percentage points.
        // Pooled share (160 + 130) / 400 = 0.725; SE₀ = 100·sqrt(0.725·0.275·(1/200 + 1/200)) = 100·sqrt(0.00199375) = 4.465143.
        // z = -15 / 4.465143 = -3.359355; p = 2·Φ(-3.359355) = 0.000781246.
        // Interval from the unpooled SE = 100·sqrt(0.8·0.2/200 + 0.65·0.35/200) = 100·sqrt(0.0008 + 0.0011375) = 4.401704:
        // -15 ± 1.959964·4.401704 = -15 ± 8.627182 = [-23.627182, -6.372818].
        var change = ChangeTests.Proportion(new ProportionSample(160, 200), new ProportionSample(130, 200), 0.95)!;

        Assert.Equal(-15, change.Difference, Tolerance);
        Assert.Equal(4.465143, change.StandardError, Tolerance);
        Assert.Equal(0.000781246, change.PValue, 1e-8);
        Assert.Equal(-23.627182, change.Low, Tolerance);
        Assert.Equal(-6.372818, change.High, Tolerance);
        Assert.True(change.IsSignificant);
    }

    [Fact]
    public void A_ces_rise_of_half_a_point_with_unequal_spreads_is_not_significant_by_welch_s_test()
    {
        // Earlier mean 3.0, sd 1.0, 50 answers; later mean 3.5, sd 1.5, 40 answers: difference 0.5.
        // s₁²/n₁ = 1/50 = 0.02; s₂²/n₂ = 2.25/40 = 0.05625; SE = sqrt(0.07625) = 0.276134; t = 0.5 / 0.276134 = 1.810715.
        // Welch-Satterthwaite: df = 0.07625² / (0.02²/49 + 0.05625²/39) = 0.00581406 / (0.00000816 + 0.00008113) = 65.1121.
        // p = 2·P(T₆₅.₁₁ < -1.810715) = 2·0.037399 = 0.074799.
        // 95% interval: 0.5 ± 1.997073·0.276134 = 0.5 ± 0.551460 = [-0.051460, 1.051460].
        var change = ChangeTests.Mean(new MeanSample(3.0, 1.0, 50), new MeanSample(3.5, 1.5, 40), 0.95)!;

        Assert.Equal(0.5, change.Difference, Tolerance);
        Assert.Equal(0.276134, change.StandardError, Tolerance);
        Assert.Equal(0.074799, change.PValue, 1e-5);
        Assert.Equal(-0.051460, change.Low, Tolerance);
        Assert.Equal(1.051460, change.High, Tolerance);
        Assert.False(change.IsSignificant);
        Assert.True(ChangeTests.Mean(new MeanSample(3.0, 1.0, 50), new MeanSample(3.5, 1.5, 40), 0.90)!.IsSignificant);
    }

    [Fact]
    public void Fewer_than_two_answers_in_a_period_leave_the_test_undefined()
    {
        Assert.Null(ChangeTests.Nps(new NpsSample(1, 0, 0), new NpsSample(40, 30, 30), 0.95));
        Assert.Null(ChangeTests.Proportion(new ProportionSample(0, 0), new ProportionSample(5, 10), 0.95));
        Assert.Null(ChangeTests.Mean(new MeanSample(3, 0, 10), new MeanSample(4, 0, 1), 0.95));
    }

    [Fact]
    public void Without_any_spread_a_difference_is_certain_and_no_difference_is_no_change()
    {
        // Every answer a promoter, then every answer a detractor: NPS 100 then -100, no variance in either period.
        var flipped = ChangeTests.Nps(new NpsSample(10, 0, 0), new NpsSample(0, 0, 10), 0.95)!;
        Assert.Equal((-200, 0, 0), (flipped.Difference, flipped.StandardError, flipped.PValue));
        Assert.Equal((-200, -200), (flipped.Low, flipped.High));

        var same = ChangeTests.Proportion(new ProportionSample(10, 10), new ProportionSample(20, 20), 0.95)!;
        Assert.Equal((0, 1), (same.Difference, same.PValue));
        Assert.Equal(1, ChangeTests.Mean(new MeanSample(4, 0, 5), new MeanSample(4, 0, 8), 0.95)!.PValue);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.4)]
    [InlineData(double.NaN)]
    public void A_level_outside_one_half_to_one_is_a_bug_in_the_caller(double level)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChangeTests.Nps(new NpsSample(5, 5, 5), new NpsSample(5, 5, 5), level));
    }
}
