namespace CxReports.Demo;

/// <summary>What <see cref="DemoDataGenerator.Generate"/> should write: where, how many customers, with which seed, over which period.</summary>
/// <param name="OutputDirectory">Directory the files go to; created when missing, existing demo files are overwritten.</param>
/// <param name="Customers">Number of simulated customers (about 35% already customers when the period starts).</param>
/// <param name="Seed">Seed of every random choice: the same options always give byte-identical files.</param>
/// <param name="End">Last day of the data; <see cref="DefaultEnd"/> when null. Never "today", so runs are reproducible.</param>
/// <param name="Months">Length of the period in calendar months, ending with the month of <paramref name="End"/>.</param>
public sealed record DemoOptions(string OutputDirectory, int Customers = 2000, int Seed = 42, DateOnly? End = null, int Months = 24)
{
    /// <summary>The end date used when <see cref="End"/> is null.</summary>
    public static readonly DateOnly DefaultEnd = new(2026, 10, 31);

    /// <summary>The end date actually used.</summary>
    public DateOnly EffectiveEnd => End ?? DefaultEnd;
}
