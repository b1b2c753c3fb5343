using MathNet.Numerics.Distributions;

namespace CxReports.Engine.Statistics;

/// <summary>
/// Tests of the change of a metric between two independent samples (the earlier period and the later one), each
/// giving a p-value and the confidence interval of the difference. Null where the test is undefined: fewer than two
/// answers in a period, so no variance can be estimated.
/// </summary>
public static class ChangeTests
{
    /// <summary>
    /// NPS: the difference of two means of +1/0/-1 scores, with the standard error from each period's
    /// promoter/detractor variance, <c>100·sqrt(v₁/n₁ + v₂/n₂)</c>, and the normal distribution (a z-test).
    /// </summary>
    public static ChangeSignificance? Nps(NpsSample earlier, NpsSample later, double level)
    {
        CheckLevel(level);
        if (earlier.Count < 2 || later.Count < 2) return null;
        var difference = later.Nps!.Value - earlier.Nps!.Value;
        var standardError = 100 * Math.Sqrt(earlier.Variance!.Value / earlier.Count + later.Variance!.Value / later.Count);
        return ZTest(difference, standardError, standardError, level);
    }

    /// <summary>
    /// Two proportions: the z-test with the pooled share under "nothing changed" for the p-value, and the unpooled
    /// standard error for the interval (Wald), both in percentage points.
    /// </summary>
    public static ChangeSignificance? Proportion(ProportionSample earlier, ProportionSample later, double level)
    {
        CheckLevel(level);
        if (earlier.Count < 2 || later.Count < 2) return null;
        double p1 = earlier.Share!.Value, p2 = later.Share!.Value;
        var pooled = (double)(earlier.Successes + later.Successes) / (earlier.Count + later.Count);
        var pooledError = 100 * Math.Sqrt(pooled * (1 - pooled) * (1.0 / earlier.Count + 1.0 / later.Count));
        var intervalError = 100 * Math.Sqrt(p1 * (1 - p1) / earlier.Count + p2 * (1 - p2) / later.Count);
        return ZTest(100 * (p2 - p1), pooledError, intervalError, level);
    }

    /// <summary>
    /// Two means with Welch's t-test: standard error <c>sqrt(s₁²/n₁ + s₂²/n₂)</c>, degrees of freedom by the
    /// Welch-Satterthwaite equation, p-value and interval from Student's t distribution.
    /// </summary>
    public static ChangeSignificance? Mean(MeanSample earlier, MeanSample later, double level)
    {
        CheckLevel(level);
        if (earlier.Count < 2 || later.Count < 2) return null;
        var difference = later.Mean - earlier.Mean;
        double a = earlier.StandardDeviation * earlier.StandardDeviation / earlier.Count,
               b = later.StandardDeviation * later.StandardDeviation / later.Count;
        var standardError = Math.Sqrt(a + b);
        if (standardError == 0) return Certain(difference, level);
        var freedom = (a + b) * (a + b) / (a * a / (earlier.Count - 1) + b * b / (later.Count - 1));
        var t = StudentT.InvCDF(0, 1, freedom, 1 - (1 - level) / 2);
        var pValue = 2 * StudentT.CDF(0, 1, freedom, -Math.Abs(difference / standardError));
        return new ChangeSignificance(difference, standardError, pValue, difference - t * standardError, difference + t * standardError, level);
    }

    /// <summary>A z-test: the p-value from <paramref name="testError"/>, the interval from <paramref name="intervalError"/>.</summary>
    private static ChangeSignificance ZTest(double difference, double testError, double intervalError, double level)
    {
        if (testError == 0) return Certain(difference, level);
        var z = Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
        var pValue = 2 * Normal.CDF(0, 1, -Math.Abs(difference / testError));
        return new ChangeSignificance(difference, testError, pValue, difference - z * intervalError, difference + z * intervalError, level);
    }

    /// <summary>
    /// No spread in either period (every answer the same): any difference is certain (p = 0) and none is no change
    /// at all (p = 1); the interval is the difference itself.
    /// </summary>
    private static ChangeSignificance Certain(double difference, double level) =>
        new(difference, 0, difference == 0 ? 1 : 0, difference, difference, level);

    private static void CheckLevel(double level)
    {
        if (level is not (>= 0.5 and < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "a confidence level is in [0.5, 1)");
    }
}
