using System.Globalization;

namespace CxReports.Engine.Execution;

/// <summary>Which limit of <see cref="EvaluationLimits"/> a result went past.</summary>
public enum ResultLimit { Rows, Bytes }

/// <summary>
/// A result went past a limit of <see cref="EvaluationLimits"/> while it was being read; reading stopped there, so
/// nothing beyond the limit was held. <see cref="Block"/> names the report block when there is one.
/// </summary>
public sealed class ResultLimitException(ResultLimit limit, long maximum, string? block = null)
    : Exception(Describe(limit, maximum, block))
{
    public ResultLimit Limit { get; } = limit;
    public long Maximum { get; } = maximum;
    public string? Block { get; } = block;

    /// <summary>The same limit, now naming the report block whose result went past it.</summary>
    public ResultLimitException In(string reportBlock) => new(Limit, Maximum, reportBlock);

    private static string Describe(ResultLimit limit, long maximum, string? block)
    {
        var where = block is null ? "" : $" (block '{block}')";
        return limit == ResultLimit.Rows
            ? $"the result has more than {maximum.ToString("N0", CultureInfo.InvariantCulture)} rows in one table{where}"
            : $"the result holds more than {maximum.ToString("N0", CultureInfo.InvariantCulture)} bytes of values{where}";
    }
}
