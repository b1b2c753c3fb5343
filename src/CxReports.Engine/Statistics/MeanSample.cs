namespace CxReports.Engine.Statistics;

/// <summary>A mean of <see cref="Count"/> answers with their sample standard deviation (n - 1 in the denominator).</summary>
public sealed record MeanSample(double Mean, double StandardDeviation, long Count);
