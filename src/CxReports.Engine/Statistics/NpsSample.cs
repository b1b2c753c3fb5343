namespace CxReports.Engine.Statistics;

/// <summary>
/// The answers behind one NPS: promoters (9-10), passives (7-8) and detractors (0-6). Each answer scores +1, 0 or -1,
/// so NPS is 100 times their mean and its variance per answer is <c>p + q - (p - q)²</c> with p and q the promoter
/// and detractor shares: the variance the <c>nps_margin</c> function's margin of error is built on.
/// </summary>
public sealed record NpsSample(long Promoters, long Passives, long Detractors)
{
    public long Count => Promoters + Passives + Detractors;

    /// <summary>NPS in points, -100..100; null without answers.</summary>
    public double? Nps => Count == 0 ? null : 100.0 * (Promoters - Detractors) / Count;

    /// <summary>The variance of one answer's +1/0/-1 score; null without answers.</summary>
    public double? Variance
    {
        get
        {
            if (Count == 0) return null;
            double p = (double)Promoters / Count, q = (double)Detractors / Count;
            return p + q - (p - q) * (p - q);
        }
    }
}
