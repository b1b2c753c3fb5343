namespace CxReports.Engine.Execution;

/// <summary>
/// How much one evaluation (a query, or a whole report) may ask of the warehouse and hold in memory: rows per result
/// table, bytes of values over all its tables, and time buckets per period (checked while planning, before anything
/// runs). The server and the CLI share the defaults; <see cref="None"/> is for benchmarks and tests that read
/// everything on purpose.
/// </summary>
public sealed record EvaluationLimits(int MaxRows, long MaxBytes, int MaxBuckets)
{
    public const int DefaultMaxRows = 100_000;
    public const long DefaultMaxBytes = 32L * 1024 * 1024;
    public const int DefaultMaxBuckets = 5_000;

    public static EvaluationLimits Default { get; } = new(DefaultMaxRows, DefaultMaxBytes, DefaultMaxBuckets);

    public static EvaluationLimits None { get; } = new(int.MaxValue, long.MaxValue, int.MaxValue);
}
