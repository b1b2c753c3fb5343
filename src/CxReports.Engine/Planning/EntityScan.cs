using CxReports.Dsl.Model;
using CxReports.Engine.Planning.SqlTree;

namespace CxReports.Engine.Planning;

/// <summary>
/// What a lifecycle's entity counts (<see cref="LifecycleTable"/>) group from the source's rows, in parts: the start
/// and end dates before any truncation to the grain, the rows read and their conditions, the dimension and flag
/// columns (<c>d0</c>.., <c>f0</c>..), and the grain the dates are truncated to (null: days). Queries whose scans agree
/// on everything but the dimensions can share one scan (<see cref="SharedScan"/>).
/// </summary>
public sealed record EntityScan(string Start, string End, SqlFrom From, IReadOnlyList<string> Where,
    IReadOnlyList<string> Dimensions, IReadOnlyList<string> Flags, TimeUnit? Truncation)
{
    /// <summary>Equal for two scans that read the same rows with the same conditions, dates and flags (their dimensions aside).</summary>
    public string Rows => SqlWriter.Write(new SqlSelect([Start, End, .. Flags.Select(f => new SqlColumn(f))]) { From = From, Where = Where });
}
