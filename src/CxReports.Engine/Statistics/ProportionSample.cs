namespace CxReports.Engine.Statistics;

/// <summary>A share: <see cref="Successes"/> of <see cref="Count"/> (satisfied answers, customers who left).</summary>
public sealed record ProportionSample(long Successes, long Count)
{
    /// <summary>The share as a fraction 0..1; null without a count.</summary>
    public double? Share => Count == 0 ? null : (double)Successes / Count;
}
