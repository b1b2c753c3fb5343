namespace CxReports.Demo.Simulation;

/// <summary>
/// Distributions on top of <see cref="Random"/>. A seeded <see cref="Random"/> keeps the same sequence across .NET
/// versions (the seeded constructor uses the legacy algorithm on purpose), which is what byte-identical output needs.
/// </summary>
internal static class DemoRandom
{
    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    /// <summary>Box-Muller; one of the two deviates is dropped so every call consumes exactly two draws.</summary>
    public static double Normal(this Random rng, double mean = 0, double sd = 1)
    {
        double u1 = 1.0 - rng.NextDouble(); // (0, 1]: Log(0) would be -infinity
        double u2 = rng.NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Median times a log-normal factor: amounts and durations are skewed, never negative.</summary>
    public static double LogNormal(this Random rng, double median, double sigma) => median * Math.Exp(rng.Normal(0, sigma));

    /// <summary>Knuth's method; fine for the small rates (under 20) used here.</summary>
    public static int Poisson(this Random rng, double lambda)
    {
        if (lambda <= 0) return 0;
        double limit = Math.Exp(-lambda), product = rng.NextDouble();
        int count = 0;
        while (product > limit)
        {
            count++;
            product *= rng.NextDouble();
        }
        return count;
    }

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>A number of days in <paramref name="days"/>, each equally likely.</summary>
    public static int Delay(this Random rng, DayRange days) => rng.Next(days.First, days.First + days.Count);

    /// <summary>Index drawn with probability proportional to its weight (weights need not sum to 1).</summary>
    public static int PickWeighted(this Random rng, ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (double w in weights) total += w;
        double target = rng.NextDouble() * total;
        for (int i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0) return i;
        }
        return weights.Length - 1; // rounding left a sliver
    }

    public static T PickWeighted<T>(this Random rng, IReadOnlyList<(T Item, double Weight)> items)
    {
        Span<double> weights = items.Count <= 64 ? stackalloc double[items.Count] : new double[items.Count];
        for (int i = 0; i < items.Count; i++) weights[i] = items[i].Weight;
        return items[rng.PickWeighted(weights)].Item;
    }

    /// <summary>
    /// A local moment on a day in [first, endExclusive), mostly in office hours as B2B activity is. Whole seconds,
    /// since the exports this imitates carry no fractions.
    /// </summary>
    public static DateTime Moment(this Random rng, DateOnly first, DateOnly endExclusive)
    {
        int days = endExclusive.DayNumber - first.DayNumber;
        DateOnly day = first.AddDays(rng.Next(days));
        int second = rng.Chance(0.8) ? rng.Next(8 * 3600, 19 * 3600) : rng.Next(24 * 3600);
        return day.ToDateTime(TimeOnly.MinValue).AddSeconds(second);
    }
}
