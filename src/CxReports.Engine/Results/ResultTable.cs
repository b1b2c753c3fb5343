namespace CxReports.Engine.Results;

/// <summary>
/// A typed result: columns with name, type and unit, and rows of values (<see cref="DateOnly"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="string"/>, <see cref="bool"/> or null for undefined). Nothing is rounded here.
/// </summary>
public sealed record ResultTable(IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public int IndexOf(string column) => Columns.ToList().FindIndex(c => c.Name == column);

    public object? this[int row, string column] => Rows[row][IndexOf(column)];

    /// <summary>
    /// For a table by a time grain, whether each row's bucket is partial: not wholly inside the period, or holding
    /// the day the data ends (with days after it); null when no row is.
    /// </summary>
    public IReadOnlyList<bool>? Partial { get; init; }
}
