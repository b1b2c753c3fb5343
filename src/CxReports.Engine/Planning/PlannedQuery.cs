using CxReports.Engine.Results;

namespace CxReports.Engine.Planning;

/// <summary>One SQL statement with its bound parameter values and the columns it returns.</summary>
public sealed record PlannedQuery(string Sql, IReadOnlyList<object?> Parameters, IReadOnlyList<ResultColumn> Columns)
{
    /// <summary>How the rows are put in order (and cut to a top N) once read; null when the SQL orders them itself.</summary>
    public RowOrder? Order { get; init; }

    /// <summary>Whether the rows are a KPI's two periods, the earlier one's first (<see cref="QueryPlanner.PlanBoth"/>).</summary>
    public bool BothPeriods { get; init; }

    /// <summary>
    /// The queries of a statement that computes several (<see cref="SharedScan"/>), in the order of their part numbers:
    /// each row then starts with its part's number, followed by that part's columns. Null for a statement of one query.
    /// </summary>
    public IReadOnlyList<SharedPart>? Parts { get; init; }
}
